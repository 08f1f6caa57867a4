using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class TurnTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();

    [Fact]
    public async Task NonReentrantGrain_RunsOneCallAtATime_InArrivalOrder()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("serial");
        var calls = Enumerable.Range(0, 10).Select(i => grain.WorkAsync($"c{i}", 3)).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(1, _probe.MaxConcurrent);
        var expected = Enumerable.Range(0, 10).SelectMany(i => new[] { $"start:c{i}", $"end:c{i}" });
        Assert.Equal(expected, _probe.Events);
    }

    [Fact]
    public async Task ReentrantGrain_InterleavesCalls_ButNeverRunsTurnsInParallel()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IReentrantWorkerGrain>("re");
        var waiting = grain.WaitGateAsync("blocked");
        await TestRuntime.Until(() => _probe.Events.Contains("start:blocked"), "first call started");

        // A second call starts while the first awaits.
        Assert.Equal(2, await grain.WorkAsync("second", 2));
        Assert.False(waiting.IsCompleted);
        _probe.Gate.TrySetResult();
        await waiting;
        Assert.True(_probe.MaxConcurrent <= 1, "turns of one activation ran in parallel");
    }

    [Fact]
    public async Task ReentrantGrain_InterleavedTurns_NeverRaceOnState()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IReentrantWorkerGrain>("race");
        var calls = Enumerable.Range(0, 8).Select(_ => grain.CountUnsafelyAsync(turns: 50, perTurn: 2_000)).ToArray();
        var results = await Task.WhenAll(calls);
        Assert.Equal(8 * 50 * 2_000, results.Max());
    }

    [Fact]
    public async Task NonReentrantGrain_QueuesSecondCall_WhileFirstAwaits()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("nr");
        var waiting = grain.WaitGateAsync("blocked");
        await TestRuntime.Until(() => _probe.Events.Contains("start:blocked"), "first call started");
        var second = grain.WorkAsync("second", 0);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        Assert.DoesNotContain("start:second", _probe.Events);

        _probe.Gate.TrySetResult();
        await Task.WhenAll(waiting, second);
        Assert.Equal(["start:blocked", "end:blocked", "start:second", "end:second"], _probe.Events);
    }

    [Fact]
    public async Task ReadOnlyCalls_InterleaveWithEachOther()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("ro");
        var reads = Enumerable.Range(0, 4).Select(i => grain.ReadAsync($"r{i}", 20)).ToArray();
        await Task.WhenAll(reads);

        // Every read started before the first one ended.
        var events = _probe.Events.ToList();
        var firstEnd = events.FindIndex(e => e.StartsWith("end:", StringComparison.Ordinal));
        Assert.Equal(4, events.Take(firstEnd).Count(e => e.StartsWith("start:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReadOnlyCall_DoesNotInterleaveWithWritingCall()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("rw");
        var write = grain.WorkAsync("w", 10);
        var read = grain.ReadAsync("r", 1);
        await Task.WhenAll(write, read);

        Assert.Equal(["start:w", "end:w", "start:r", "end:r"], _probe.Events);
    }

    [Fact]
    public async Task AlwaysInterleave_RunsWhileAnotherCallAwaits()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("ai");
        var waiting = grain.WaitGateAsync("blocked");
        var queued = grain.WorkAsync("queued", 0);

        Assert.Equal("p", await grain.PingAsync("p"));
        Assert.False(waiting.IsCompleted);
        Assert.False(queued.IsCompleted);
        _probe.Gate.TrySetResult();
        await Task.WhenAll(waiting, queued);
    }

    [Fact]
    public async Task CallCycle_OnNonReentrantGrains_TimesOutInsteadOfHanging()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        var a = host.GrainFactory.GetGrain<IWorkerGrain>("A");

        // A -> B -> A: A is busy with the first call, so B's call back waits; only the timeout breaks the cycle.
        var cycle = a.CallOtherAsync("B", "x", backToPing: false);
        await Task.Delay(50);
        Assert.False(cycle.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(20);
        Assert.False(cycle.IsCompleted);

        for (var i = 0; i < 15 && !cycle.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await Assert.ThrowsAsync<TimeoutException>(() => cycle.WaitAsync(TestRuntime.Patience));
    }

    [Fact]
    public async Task CallCycle_IntoAlwaysInterleaveMethod_Completes()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var a = host.GrainFactory.GetGrain<IWorkerGrain>("A2");
        // PingAsync is [AlwaysInterleave], so the call back into A may run while A awaits B.
        Assert.Equal("x-back", await a.CallOtherAsync("B2", "x", backToPing: true));
    }

    [Fact]
    public async Task CallCycle_IntoReentrantGrain_Completes()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var a = host.GrainFactory.GetGrain<IReentrantWorkerGrain>("re-A");
        Assert.Equal("0-back", await a.CallOtherAsync("B3", "x", backToPing: false));
    }

    [Fact]
    public async Task TimedOutCall_IsNeverResent_AndLaterOnesStillRun()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("slow");
        var blocked = grain.WaitGateAsync("blocked");
        await TestRuntime.Until(() => _probe.Events.Contains("start:blocked"), "call started");
        var queued = grain.WorkAsync("queued", 0);

        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Assert.ThrowsAsync<TimeoutException>(() => blocked.WaitAsync(TestRuntime.Patience));
        await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(TestRuntime.Patience));

        // The running call goes on (outcome unknown to its caller); the timed-out queued call is dropped, not run.
        _probe.Gate.TrySetResult();
        Assert.Equal(0, await grain.WorkAsync("after", 0));
        Assert.Equal(1, _probe.Events.Count(e => e == "end:blocked"));
        Assert.DoesNotContain("start:queued", _probe.Events);
    }

    [Fact]
    public async Task AnActivationTheSweepFoundIdle_HasItsCallsExpiredWhenItIsBusyAgain()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("idle-then-busy");
        Assert.Equal(0, await grain.WorkAsync("first", 0));

        // Sweeps pass over the idle activation (and stop visiting it).
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var blocked = grain.WaitGateAsync("blocked");
        await TestRuntime.Until(() => _probe.Events.Contains("start:blocked"), "call started");
        var queued = grain.WorkAsync("queued", 0);
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // The runtime's own timeout (WaitAsync's would say "The operation has timed out").
        Assert.Contains("response timeout", (await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(TestRuntime.Patience))).Message);
        _probe.Gate.TrySetResult();
        Assert.Contains("response timeout", (await Assert.ThrowsAsync<TimeoutException>(() => blocked.WaitAsync(TestRuntime.Patience))).Message);
    }

    [Fact]
    public async Task CancelledCall_WhileQueued_IsNotRun()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("cancel");
        var blocked = grain.WaitGateAsync("blocked");
        await TestRuntime.Until(() => _probe.Events.Contains("start:blocked"), "call started");
        using var cts = new CancellationTokenSource();
        var hang = grain.HangAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hang);
        _probe.Gate.TrySetResult();
        await blocked;
    }

    [Fact]
    public async Task CancellationToken_ReachesRunningGrainMethod()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("cancel2");
        using var cts = new CancellationTokenSource();
        var hang = grain.HangAsync(cts.Token);
        await Task.Delay(50);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hang.WaitAsync(TestRuntime.Patience));
        Assert.Equal(0, await grain.WorkAsync("after", 0));
    }

    [Fact]
    public async Task ExceptionsInGrainMethods_ReachTheCaller_AndTheGrainStays()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<IWorkerGrain>("throws");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.CallOtherAsync("", "x", backToPing: false));
        Assert.Equal(0, await grain.WorkAsync("after", 0));
        Assert.Equal(1, host.GetActivationCount("worker"));
    }
}
