using SlaGrid.Runtime.Storage;
using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class ActivationTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();

    [Fact]
    public async Task GetGrain_ActivatesNothing_FirstCallActivates()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("a");
        Assert.Equal(0, host.GetActivationCount("counter"));
        Assert.Empty(_probe.Events);

        Assert.Equal("a", await grain.KeyAsync());
        Assert.Equal(1, host.GetActivationCount("counter"));
        Assert.Equal(1, _probe.Count("activations"));
    }

    [Fact]
    public async Task State_IsLoadedBeforeOnActivateAsync()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync("counter", "s", "{\"value\":41}", null, CancellationToken.None);
        await using var host = await TestRuntime.StartAsync(_time, _probe, stateStore: store);

        var grain = host.GrainFactory.GetGrain<ICounterGrain>("s");
        Assert.Equal(41, await grain.GetActivatedValueAsync());
        Assert.Equal(42, await grain.AddAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task CallsDuringActivation_WaitAndRunAfterIt_InOrder()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("w");
        var calls = Enumerable.Range(1, 20).Select(i => grain.AddAsync(i, CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, _probe.Count("activations"));
        // FIFO: each call sees the sum of those sent before it.
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i * (i + 1) / 2), results);
    }

    [Fact]
    public async Task FailedActivation_FailsWaitingCalls_NextCallRetries()
    {
        _probe.FailActivations = 1;
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("f");
        var first = grain.AddAsync(1, CancellationToken.None);
        var second = grain.AddAsync(2, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal(0, host.GetActivationCount("counter"));

        Assert.Equal(5, await grain.AddAsync(5, CancellationToken.None));
        Assert.Equal(2, _probe.Count("activations"));
    }

    [Fact]
    public async Task StaleWrite_ThrowsInconsistentState_AndActivationReloadsStoredState()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("stale");
        await grain.AddAsync(1, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.WriteStaleAsync());

        // The activation was dropped: the next call starts from what is stored (the other writer's value).
        await TestRuntime.Until(() => _probe.Events.Contains("deactivate:stale:ApplicationError"), "deactivation after a stale write");
        Assert.Equal(1000, await grain.ReloadAsync());
    }

    [Fact]
    public async Task ClearState_RemovesStoredState()
    {
        var store = new InMemoryGrainStateStore();
        await using var host = await TestRuntime.StartAsync(_time, _probe, stateStore: store);
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("c");
        await grain.AddAsync(3, CancellationToken.None);
        Assert.NotNull(await store.ReadAsync("counter", "c", CancellationToken.None));

        await grain.ResetAsync();

        Assert.Null(await store.ReadAsync("counter", "c", CancellationToken.None));
        Assert.Equal(0, await grain.GetAsync());
    }

    [Fact]
    public async Task References_ToSameGrain_AreEqual_AndShareOneActivation()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var a = host.GrainFactory.GetGrain<ICounterGrain>("same");
        var b = host.GrainFactory.GetGrain<ICounterGrain>("same");
        Assert.Equal(a, b);
        Assert.NotEqual(a, host.GrainFactory.GetGrain<ICounterGrain>("other"));

        await a.AddAsync(1, CancellationToken.None);
        Assert.Equal(2, await b.AddAsync(1, CancellationToken.None));
        Assert.Equal(1, host.GetActivationCount("counter"));
    }
}
