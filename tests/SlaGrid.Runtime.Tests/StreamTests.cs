using SlaGrid.Runtime.Streams;
using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class StreamTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();

    [Fact]
    public async Task ImplicitSubscriber_WithStreamKey_ReceivesItems_AndIsActivated()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var stream = host.Streams.GetStream<UnitSnapshot>(new StreamId("rollups", "province-1"));
        Assert.Equal(0, host.GetActivationCount("rollup"));

        await stream.OnNextAsync(new UnitSnapshot("commune-9", 1, 10), CancellationToken.None);

        Assert.Equal(1, host.GetActivationCount("rollup"));
        Assert.Equal(["got:province-1:rollups:commune-9:1"], _probe.Events);
        Assert.Equal(new[] { 1 }, await host.GrainFactory.GetGrain<IRollupGrain>("province-1").VersionsAsync());
        Assert.Empty(await host.GrainFactory.GetGrain<IRollupGrain>("province-2").VersionsAsync());
    }

    [Fact]
    public async Task Delivery_IsOrderedPerStream_EvenWhenNotAwaitedOneByOne()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        var stream = host.Streams.GetStream<UnitSnapshot>(new StreamId("rollups", "p"));
        var sends = Enumerable.Range(1, 200).Select(i => stream.OnNextAsync(new UnitSnapshot("c", i, i), CancellationToken.None)).ToArray();
        await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(1, 200), await host.GrainFactory.GetGrain<IRollupGrain>("p").VersionsAsync());
        Assert.Equal(1, _probe.MaxConcurrent);
    }

    [Fact]
    public async Task GrainPublishing_ToParentStream_ReachesParentInOrder()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        await host.GrainFactory.GetGrain<IRollupGrain>("child").PublishAsync("parent", 5);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, await host.GrainFactory.GetGrain<IRollupGrain>("parent").VersionsAsync());
    }

    [Fact]
    public async Task OtherNamespace_HasNoSubscriber_AndDeliversNothing()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        await host.Streams.GetStream<UnitSnapshot>(new StreamId("elsewhere", "p")).OnNextAsync(new UnitSnapshot("c", 1, 1), CancellationToken.None);
        Assert.Equal(0, host.GetActivationCount());
    }

    [Fact]
    public async Task WrongItemType_FailsThePublisher()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Streams.GetStream<string>(new StreamId("rollups", "p")).OnNextAsync("oops", CancellationToken.None));
    }

    [Fact]
    public async Task StreamDeliveries_CountAsActivity()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe, runtime: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(5);
            o.CollectionScanInterval = TimeSpan.FromMinutes(1);
        });
        var stream = host.Streams.GetStream<UnitSnapshot>(new StreamId("rollups", "kept"));
        for (var i = 1; i <= 12; i++)
        {
            await stream.OnNextAsync(new UnitSnapshot("c", i, i), CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }

        Assert.Equal(1, host.GetActivationCount("rollup"));
        Assert.Equal(Enumerable.Range(1, 12), await host.GrainFactory.GetGrain<IRollupGrain>("kept").VersionsAsync());
    }
}
