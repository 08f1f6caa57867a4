using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class TimerAndCollectionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();

    private static async Task Step(FakeTimeProvider time, TimeSpan by, int times)
    {
        for (var i = 0; i < times; i++)
        {
            time.Advance(by);
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task GrainTimer_TicksEveryPeriod_AsTurns()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("t");
        await grain.StartTimerAsync(periodSeconds: 10, tickSeconds: 0);

        for (var i = 1; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            var expected = i;
            await TestRuntime.Until(() => _probe.Count("ticks") == expected, $"tick {expected}");
        }

        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.Equal(3, _probe.Count("ticks"));
    }

    [Fact]
    public async Task GrainTimer_NeverOverlaps_NextTickCountsFromEndOfPrevious()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("slow-timer");
        await grain.StartTimerAsync(periodSeconds: 10, tickSeconds: 25);

        _time.Advance(TimeSpan.FromSeconds(10));
        await TestRuntime.Until(() => _probe.Count("ticks") == 1, "first tick");

        // The tick is busy for 25 s; a 10 s period must not start another meanwhile.
        var seconds = 0;
        while (Volatile.Read(ref _probe.Concurrent) != 0 && seconds < 120)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            seconds++;
            await Task.Delay(5);
            Assert.Equal(1, _probe.Count("ticks"));
        }

        Assert.InRange(seconds, 25, 119);

        // The next tick comes a full period after the end of the previous one.
        for (var i = 0; i < 9; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
            Assert.Equal(1, _probe.Count("ticks"));
        }

        for (var i = 0; i < 30 && _probe.Count("ticks") < 2; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        await TestRuntime.Until(() => _probe.Count("ticks") == 2, "second tick");
        Assert.Equal(1, _probe.MaxConcurrent);
    }

    [Fact]
    public async Task GrainTimer_Disposed_StopsTicking()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("stop");
        await grain.StartTimerAsync(periodSeconds: 5, tickSeconds: 0);
        _time.Advance(TimeSpan.FromSeconds(5));
        await TestRuntime.Until(() => _probe.Count("ticks") == 1, "tick");
        await grain.StopTimerAsync();
        await Step(_time, TimeSpan.FromSeconds(5), 4);
        Assert.Equal(1, _probe.Count("ticks"));
    }

    [Fact]
    public async Task IdleActivation_IsCollectedAfterCollectionAge_AndOnDeactivateRuns()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(15);
            o.CollectionScanInterval = TimeSpan.FromMinutes(1);
        });
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("idle");
        await grain.WorkAsync("w", 0);

        await Step(_time, TimeSpan.FromMinutes(1), 14);
        Assert.Equal(1, host.GetActivationCount("worker"));

        await Step(_time, TimeSpan.FromMinutes(1), 2);
        await TestRuntime.Until(() => host.GetActivationCount("worker") == 0, "collection");
        Assert.Contains("deactivate:idle:ActivationIdle", _probe.Events);
    }

    [Fact]
    public async Task Calls_KeepActivationAlive()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(5);
            o.CollectionScanInterval = TimeSpan.FromMinutes(1);
        });
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("busy");
        for (var i = 0; i < 12; i++)
        {
            await grain.WorkAsync($"w{i}", 0);
            await Step(_time, TimeSpan.FromMinutes(1), 2);
        }

        Assert.Equal(1, host.GetActivationCount("worker"));
        Assert.DoesNotContain(_probe.Events, e => e.StartsWith("deactivate:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimerTicks_DoNotKeepActivationAlive_AndTimersStopOnCollection()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(5);
            o.CollectionScanInterval = TimeSpan.FromMinutes(1);
        });
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("ticking");
        await grain.StartTimerAsync(periodSeconds: 30, tickSeconds: 0);
        await Step(_time, TimeSpan.FromSeconds(30), 14);
        await TestRuntime.Until(() => host.GetActivationCount("worker") == 0, "collection despite timer");
        var ticks = _probe.Count("ticks");
        Assert.True(ticks > 0);

        await Step(_time, TimeSpan.FromSeconds(30), 6);
        Assert.Equal(ticks, _probe.Count("ticks"));
        Assert.Equal(0, host.GetActivationCount("worker"));
    }

    [Fact]
    public async Task DeactivateOnIdle_DeactivatesAfterCall_NextCallReactivates()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("d");
        await grain.AddAsync(2, CancellationToken.None);
        var worker = host.GrainFactory.GetGrain<IWorkerGrain>("d");
        await worker.DeactivateAsync();
        await TestRuntime.Until(() => _probe.Events.Contains("deactivate:d:ApplicationRequested"), "deactivation");

        await worker.WorkAsync("again", 0);
        Assert.Equal(1, host.GetActivationCount("worker"));
        Assert.Equal(2, await grain.GetAsync());
    }

    [Fact]
    public async Task CallsQueuedBehindDeactivation_GoToNewActivation_InOrder()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("fw");
        var deactivate = grain.DeactivateAsync();
        var after = Enumerable.Range(0, 5).Select(i => grain.WorkAsync($"a{i}", 0)).ToArray();
        await deactivate;
        await Task.WhenAll(after);

        var events = _probe.Events.ToList();
        var deactivated = events.IndexOf("deactivate:fw:ApplicationRequested");
        Assert.True(deactivated >= 0);
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(i => new[] { $"start:a{i}", $"end:a{i}" }), events.Skip(deactivated + 1));
        Assert.Equal(1, host.GetActivationCount("worker"));
    }

    [Fact]
    public async Task Stop_DeactivatesEveryActivation()
    {
        var host = await TestRuntime.StartAsync(_time, _probe);
        await host.GrainFactory.GetGrain<IWorkerGrain>("s1").WorkAsync("x", 0);
        await host.GrainFactory.GetGrain<IWorkerGrain>("s2").WorkAsync("y", 0);
        await host.StopAsync(CancellationToken.None);

        Assert.Contains("deactivate:s1:ShuttingDown", _probe.Events);
        Assert.Contains("deactivate:s2:ShuttingDown", _probe.Events);
        Assert.Equal(0, host.GetActivationCount());
        await host.DisposeAsync();
    }
}
