using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Diagnostics;
using SlaGrid.Runtime.Storage;
using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class DeadlineTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();
    private readonly InMemoryDeadlineStore _store = new();

    private static async Task Step(FakeTimeProvider time, TimeSpan by, int times)
    {
        for (var i = 0; i < times; i++)
        {
            time.Advance(by);
            await Task.Delay(2);
        }
    }

    private async Task<Hosting.GrainRuntimeHost> StartAsync(Action<DeadlineOptions>? deadlines = null, Action<Hosting.GrainRuntimeOptions>? runtime = null)
    {
        var host = await TestRuntime.StartAsync(_time, _probe, runtime: runtime, deadlines: deadlines, deadlineStore: _store);
        await host.Deadlines.WaitUntilArmedAsync(CancellationToken.None).WaitAsync(TestRuntime.Patience);
        return host;
    }

    [Fact]
    public async Task Deadline_FiresAtDueTime_ActivatingTheGrain_AndIsRemovedFromStore()
    {
        await using var host = await StartAsync();
        var due = _time.GetUtcNow().AddMinutes(3);
        await host.GrainFactory.GetGrain<IAlarmGrain>("a1").SetAsync("due", due);
        await host.GrainFactory.GetGrain<IWorkerGrain>("unrelated").WorkAsync("x", 0);
        Assert.Equal(1, await _store.CountAsync(CancellationToken.None));

        // Collected meanwhile? No matter: the deadline activates the grain.
        _time.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(0, _probe.Count("received:a1:due"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await TestRuntime.Until(() => _probe.Count("received:a1:due") == 1, "deadline fired");
        await TestRuntime.Until(() => _store.CountAsync(CancellationToken.None).Result == 0, "row completed");
        Assert.Contains($"fired:a1:due:{due:HH:mm:ss}", _probe.Events);
    }

    [Fact]
    public async Task OnlyTheWindowIsInMemory_LaterDeadlinesLoadAsTimePasses()
    {
        await using var host = await StartAsync(o =>
        {
            o.Window = TimeSpan.FromMinutes(10);
            o.RefillInterval = TimeSpan.FromMinutes(1);
            o.PageSize = 2;
        });
        var now = _time.GetUtcNow();
        var minutes = new[] { 2, 5, 8, 30, 45, 90, 125 };
        foreach (var m in minutes)
        {
            await host.GrainFactory.GetGrain<IAlarmGrain>($"w{m}").SetAsync("due", now.AddMinutes(m));
        }

        Assert.Equal(3, host.Deadlines.GetStatistics().InMemory);
        Assert.Equal(7, await _store.CountAsync(CancellationToken.None));

        await Step(_time, TimeSpan.FromMinutes(1), 130);
        await TestRuntime.Until(() => minutes.All(m => _probe.Count($"received:w{m}:due") == 1), "all fired");
        Assert.True(host.Deadlines.GetStatistics().InMemory <= 1);
        var fired = _probe.Events.Where(e => e.StartsWith("fired:", StringComparison.Ordinal)).ToList();
        Assert.Equal(minutes.Select(m => $"fired:w{m}:due:{now.AddMinutes(m):HH:mm:ss}"), fired);
    }

    [Fact]
    public async Task InitialLoad_PagesThroughTheWholeWindow()
    {
        var now = _time.GetUtcNow();
        for (var i = 0; i < 25; i++)
        {
            await _store.UpsertAsync(new DeadlineEntry("alarm", $"p{i}", "due", now.AddSeconds(30 + i)), CancellationToken.None);
        }

        await using var host = await StartAsync(o => o.PageSize = 4);
        Assert.Equal(25, host.Deadlines.GetStatistics().InMemory);
        _time.Advance(TimeSpan.FromMinutes(1));
        await TestRuntime.Until(() => Enumerable.Range(0, 25).All(i => _probe.Count($"received:p{i}:due") == 1), "all 25 fired");
    }

    [Fact]
    public async Task AfterRestart_OverdueDeadlinesFireAtOnce_WithTheirLagRecorded()
    {
        var start = _time.GetUtcNow();
        await using (var first = await StartAsync())
        {
            await first.GrainFactory.GetGrain<IAlarmGrain>("r1").SetAsync("due", start.AddMinutes(1));
            await first.GrainFactory.GetGrain<IAlarmGrain>("r2").SetAsync("later", start.AddHours(2));
            await first.StopAsync(CancellationToken.None);
        }

        // Down for five minutes: the first deadline is now four minutes late.
        _time.Advance(TimeSpan.FromMinutes(5));
        var lags = new ConcurrentBag<double>();
        using var listener = ListenToLag(lags);
        await using var second = await StartAsync();
        await TestRuntime.Until(() => _probe.Count("received:r1:due") == 1, "overdue deadline fired");
        Assert.Equal(0, _probe.Count("received:r2:later"));
        Assert.Equal(1, await _store.CountAsync(CancellationToken.None));
        Assert.Contains(lags, l => Math.Abs(l - 240) < 1);
    }

    [Fact]
    public async Task FailingHandler_IsRetriedWithBackoff_UntilItSucceeds()
    {
        await using var host = await StartAsync(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(1);
        });
        var alarm = host.GrainFactory.GetGrain<IAlarmGrain>("retry");
        await alarm.FailNextAsync(2);
        await alarm.SetAsync("due", _time.GetUtcNow().AddSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(5));
        await TestRuntime.Until(() => _probe.Count("received:retry:due") == 1, "first attempt");
        await Task.Delay(20);
        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.Equal(1, _probe.Count("received:retry:due"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await TestRuntime.Until(() => _probe.Count("received:retry:due") == 2, "second attempt after 10 s");
        await Task.Delay(20);
        _time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(50);
        Assert.Equal(2, _probe.Count("received:retry:due"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await TestRuntime.Until(() => _probe.Count("received:retry:due") == 3, "third attempt after 20 s more");
        await TestRuntime.Until(() => _store.CountAsync(CancellationToken.None).Result == 0, "completed after success");
        Assert.Equal(2, host.Deadlines.GetStatistics().Failed);
    }

    [Fact]
    public async Task DeadlineMovedWhileFiring_IsKept_AndFiresAgain()
    {
        await using var host = await StartAsync();
        var alarm = host.GrainFactory.GetGrain<IAlarmGrain>("mover");
        _probe.Counters["repeat:mover"] = 1;
        var due = _time.GetUtcNow().AddMinutes(1);
        await alarm.SetAsync("due", due);

        _time.Advance(TimeSpan.FromMinutes(1));
        await TestRuntime.Until(() => _probe.Events.Contains($"fired:mover:due:{due:HH:mm:ss}"), "first firing");
        await Task.Delay(50);
        var stored = await _store.GetDueBeforeAsync(DateTimeOffset.MaxValue, null, 10, CancellationToken.None);
        Assert.Equal(due.AddMinutes(1), Assert.Single(stored).DueAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        await TestRuntime.Until(() => _probe.Count("received:mover:due") == 2, "moved deadline fired");
        await TestRuntime.Until(() => _store.CountAsync(CancellationToken.None).Result == 0, "row completed");
    }

    [Fact]
    public async Task Firing_IsBoundedByMaxConcurrency()
    {
        await using var host = await StartAsync(o => o.MaxConcurrency = 3);
        var due = _time.GetUtcNow().AddSeconds(10);
        for (var i = 0; i < 12; i++)
        {
            await host.Deadlines.ScheduleAsync(new DeadlineEntry("alarm", $"block{i}", "due", due), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(10));
        await TestRuntime.Until(() => Volatile.Read(ref _probe.Concurrent) == 3, "three handlers running");
        await Task.Delay(100);
        Assert.Equal(3, Volatile.Read(ref _probe.Concurrent));
        Assert.Equal(3, host.Deadlines.GetStatistics().InFlight);

        _probe.Gate.TrySetResult();
        await TestRuntime.Until(() => Enumerable.Range(0, 12).All(i => _probe.Count($"received:block{i}:due") == 1), "all fired");
        Assert.Equal(3, _probe.MaxConcurrent);
    }

    [Fact]
    public async Task UnregisteredDeadline_NeverFires()
    {
        await using var host = await StartAsync();
        var alarm = host.GrainFactory.GetGrain<IAlarmGrain>("u");
        await alarm.SetAsync("due", _time.GetUtcNow().AddMinutes(2));
        await alarm.ClearAsync("due");

        await Step(_time, TimeSpan.FromMinutes(1), 4);
        await Task.Delay(50);
        Assert.Equal(0, _probe.Count("received:u:due"));
        Assert.Equal(0, await _store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Track_FiresARowWrittenByAnotherComponent_UntrackForgetsIt()
    {
        await using var host = await StartAsync();
        var due = _time.GetUtcNow().AddMinutes(2);
        var tracked = new DeadlineEntry("alarm", "t1", "due", due);
        var untracked = new DeadlineEntry("alarm", "t2", "due", due);
        await _store.UpsertAsync(tracked, CancellationToken.None);
        await _store.UpsertAsync(untracked, CancellationToken.None);
        host.Deadlines.Track(tracked);
        host.Deadlines.Track(untracked);
        await _store.DeleteAsync("alarm", "t2", "due", CancellationToken.None);
        host.Deadlines.Untrack("alarm", "t2", "due");

        _time.Advance(TimeSpan.FromMinutes(2));
        await TestRuntime.Until(() => _probe.Count("received:t1:due") == 1, "tracked fired");
        await Task.Delay(50);
        Assert.Equal(0, _probe.Count("received:t2:due"));
    }

    [Fact]
    public async Task RescheduledDeadline_FiresOnlyAtItsNewTime()
    {
        await using var host = await StartAsync();
        var alarm = host.GrainFactory.GetGrain<IAlarmGrain>("moved");
        var now = _time.GetUtcNow();
        await alarm.SetAsync("due", now.AddMinutes(2));
        await alarm.SetAsync("due", now.AddMinutes(30));

        await Step(_time, TimeSpan.FromMinutes(1), 29);
        await Task.Delay(50);
        Assert.Equal(0, _probe.Count("received:moved:due"));
        await Step(_time, TimeSpan.FromMinutes(1), 1);
        await TestRuntime.Until(() => _probe.Count("received:moved:due") == 1, "fired at new time");
        Assert.Contains($"fired:moved:due:{now.AddMinutes(30):HH:mm:ss}", _probe.Events);
    }

    [Fact]
    public async Task DeadlineFirings_CountAsActivity()
    {
        await using var host = await StartAsync(runtime: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(5);
            o.CollectionScanInterval = TimeSpan.FromMinutes(1);
        });
        var alarm = host.GrainFactory.GetGrain<IAlarmGrain>("active");
        var now = _time.GetUtcNow();
        for (var m = 3; m <= 15; m += 3)
        {
            await alarm.SetAsync($"d{m}", now.AddMinutes(m));
        }

        for (var i = 0; i < 16; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await TestRuntime.Until(() => _probe.Events.Count(e => e.StartsWith("fired:active", StringComparison.Ordinal)) >= (i + 1) / 3, "firings so far");
        }

        Assert.DoesNotContain(_probe.Events, e => e.StartsWith("deactivate:active", StringComparison.Ordinal));
        Assert.Equal(1, host.GetActivationCount("alarm"));
    }

    [Fact]
    public async Task IsArmed_OnlyAfterInitialLoad()
    {
        var host = await TestRuntime.StartAsync(_time, _probe, deadlineStore: _store);
        await host.Deadlines.WaitUntilArmedAsync(CancellationToken.None).WaitAsync(TestRuntime.Patience);
        Assert.True(host.Deadlines.IsArmed);
        await host.DisposeAsync();

        await using var notStarted = Hosting.GrainRuntimeHost.Create(b => b.AddGrain<IAlarmGrain, AlarmGrain>(), s => s.AddSingleton(_probe));
        Assert.False(notStarted.Deadlines.IsArmed);
    }

    [Fact]
    public async Task RegisterDeadline_OnGrainThatIsNotAReceiver_Fails()
    {
        await using var host = await StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.GrainFactory.GetGrain<ICounterGrain>("x").RegisterDeadlineAsync());
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Deadlines.ScheduleAsync(new DeadlineEntry("counter", "x", "d", _time.GetUtcNow()), CancellationToken.None));
        Assert.Equal(0, await _store.CountAsync(CancellationToken.None));
    }

    private MeterListener ListenToLag(ConcurrentBag<double> lags)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RuntimeInstruments.MeterName && instrument.Name == RuntimeInstruments.DeadlineLagName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Add(value));
        listener.Start();
        return listener;
    }
}
