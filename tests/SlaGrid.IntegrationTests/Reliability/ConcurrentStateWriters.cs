using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// Two writers of one grain's state, each through its own storage instance over the same database (as two silos
/// would be): the stale one fails with <see cref="InconsistentStateException"/>, and nothing is overwritten silently.
/// </summary>
internal static class ConcurrentStateWriters
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Through the runtime: two runtimes activate the same <see cref="TallyGrain"/> and take turns writing.</summary>
    public static async Task TwoActivationsAsync(string storageSpec)
    {
        await using var storeA = await OpenAsync(storageSpec);
        await using var storeB = await OpenAsync(storageSpec);
        await using var siloA = await StartRuntimeAsync(storeA.States);
        await using var siloB = await StartRuntimeAsync(storeB.States);
        var key = "tally-" + Guid.NewGuid().ToString("N")[..8];
        var a = siloA.GrainFactory.GetGrain<ITallyGrain>(key);
        var b = siloB.GrainFactory.GetGrain<ITallyGrain>(key);

        Assert.Equal(1, await a.AddAsync(1, "A", CancellationToken.None));
        Assert.Equal(11, await b.AddAsync(10, "B", CancellationToken.None)); // B activates after A's write: reads 1

        // A's activation still holds 1 and the version it wrote: its write is stale and must fail, not overwrite B's.
        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => a.AddAsync(100, "A", CancellationToken.None));
        Assert.Equal(key, stale.GrainKey);
        Assert.NotEqual(stale.ExpectedETag, stale.StoredETag);
        Assert.Equal(new TallyState { Total = 11, Writers = ["A", "B"] }, await ReadAsync(storeA, key), TallyComparer.Instance);

        // The stale activation was dropped with its failed change: A's next call starts from the stored state.
        Assert.Equal(11, await a.GetAsync(CancellationToken.None));
        Assert.Equal(111, await a.AddAsync(100, "A", CancellationToken.None));

        // Now B is the stale one.
        await Assert.ThrowsAsync<InconsistentStateException>(() => b.AddAsync(1000, "B", CancellationToken.None));
        Assert.Equal(new TallyState { Total = 111, Writers = ["A", "B", "A"] }, await ReadAsync(storeB, key), TallyComparer.Instance);
        Assert.Equal(1111, await b.AddAsync(1000, "B", CancellationToken.None));
        Assert.Equal(new TallyState { Total = 1111, Writers = ["A", "B", "A", "B"] }, await ReadAsync(storeA, key), TallyComparer.Instance);
    }

    /// <summary>
    /// Directly on the stores: many writers race with the same expected version (first the insert, then an update),
    /// half through each storage instance: exactly one wins each round; the stored value is the winner's; a clear
    /// with a stale version fails and deletes nothing.
    /// </summary>
    public static async Task RacingWritersAsync(string storageSpec)
    {
        await using var storeA = await OpenAsync(storageSpec);
        await using var storeB = await OpenAsync(storageSpec);
        var key = "race-" + Guid.NewGuid().ToString("N")[..8];
        string? expected = null;
        string? previousETag = null;
        for (var round = 0; round < 3; round++)
        {
            var writers = Enumerable.Range(0, 16)
                .Select(i => Task.Run(async () =>
                {
                    var store = i % 2 == 0 ? storeA.States : storeB.States;
                    var data = $"{{\"round\":{round},\"writer\":{i}}}";
                    try
                    {
                        return (Data: data, ETag: await store.WriteAsync("race", key, data, expected, CancellationToken.None), Stale: (InconsistentStateException?)null);
                    }
                    catch (InconsistentStateException ex)
                    {
                        return (Data: data, ETag: (string?)null, Stale: ex);
                    }
                }))
                .ToList();
            var results = await Task.WhenAll(writers);

            var winners = results.Where(r => r.ETag is not null).ToList();
            Assert.Single(winners);
            Assert.All(results.Where(r => r.ETag is null), r => Assert.Equal(expected, r.Stale!.ExpectedETag));
            var stored = await storeB.States.ReadAsync("race", key, CancellationToken.None);
            Assert.Equal(winners[0].Data, stored!.Data);
            Assert.Equal(winners[0].ETag, stored.ETag);
            previousETag = expected;
            expected = winners[0].ETag;
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => storeA.States.ClearAsync("race", key, previousETag, CancellationToken.None));
        Assert.Equal(expected, (await storeB.States.ReadAsync("race", key, CancellationToken.None))!.ETag);
        await storeB.States.ClearAsync("race", key, expected, CancellationToken.None);
        Assert.Null(await storeA.States.ReadAsync("race", key, CancellationToken.None));
    }

    private static Task<ISlaGridStorage> OpenAsync(string spec) =>
        StorageFactory.CreateAsync(spec, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

    private static Task<GrainRuntimeHost> StartRuntimeAsync(IGrainStateStore states) =>
        GrainRuntimeHost.StartNewAsync(b => b.AddGrain<ITallyGrain, TallyGrain>(), s => s.AddSingleton(states), CancellationToken.None);

    private static async Task<TallyState> ReadAsync(ISlaGridStorage storage, string key)
    {
        var stored = await storage.States.ReadAsync("tally", key, CancellationToken.None);
        return JsonSerializer.Deserialize<TallyState>(stored!.Data, Json)!;
    }

    private sealed class TallyComparer : IEqualityComparer<TallyState>
    {
        public static readonly TallyComparer Instance = new();

        public bool Equals(TallyState? x, TallyState? y) =>
            x is not null && y is not null && x.Total == y.Total && x.Writers.SequenceEqual(y.Writers);

        public int GetHashCode(TallyState obj) => obj.Total;
    }
}
