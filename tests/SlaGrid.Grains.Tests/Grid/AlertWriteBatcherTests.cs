using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Sqlite;
using SlaGrid.Testing;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>Late-ratio alert changes share transactions, land in order, and a bad one fails only its caller (real SQLite).</summary>
public sealed class AlertWriteBatcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly string _directory = Directory.CreateTempSubdirectory("slagrid-batcher").FullName;
    private SqliteStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = new SqliteStorage(Path.Combine(_directory, "alerts.db"), new FakeTimeProvider(Now), NullLoggerFactory.Instance);
        await _storage.MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ChangesQueuedBehindAWrite_ShareOneTransaction_AndAllLand()
    {
        var store = GatedAlertStore.First(_storage.Alerts);
        var batcher = new AlertWriteBatcher(store);

        var first = batcher.ApplyAsync(Raise("U0"), default);
        await store.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = Enumerable.Range(1, 50).Select(i => batcher.ApplyAsync(Raise("U" + i), default)).ToList();
        store.Release();
        await Task.WhenAll(queued.Append(first)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, store.Writes);
        var open = await _storage.Alerts.QueryAsync(new AlertQuery(null, "open", null, Limit: 1000), default);
        Assert.Equal(51, open.Count);
    }

    [Fact]
    public async Task ARaiseThenAResolveOfOneKey_InOneBatch_LeaveItResolved()
    {
        var store = GatedAlertStore.First(_storage.Alerts);
        var batcher = new AlertWriteBatcher(store);

        var first = batcher.ApplyAsync(Raise("U0"), default);
        await store.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var raise = batcher.ApplyAsync(Raise("U1"), default);
        var resolve = batcher.ApplyAsync(new AlertChange(AlertChangeKind.Resolve, Key("U1"), Now.AddMinutes(1)), default);
        store.Release();
        await Task.WhenAll(first, raise, resolve).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await _storage.Alerts.GetActiveAsync(Key("U1"), default));
        Assert.NotNull(await _storage.Alerts.GetActiveAsync(Key("U0"), default));
    }

    [Fact]
    public async Task ABadChangeInABatch_FailsOnlyItsOwnCaller()
    {
        var store = GatedAlertStore.First(_storage.Alerts);
        var batcher = new AlertWriteBatcher(store);

        var first = batcher.ApplyAsync(Raise("U0"), default);
        await store.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var good = batcher.ApplyAsync(Raise("U1"), default);
        var bad = batcher.ApplyAsync(new AlertChange(AlertChangeKind.Raise, Key("U2"), Now), default);
        store.Release();

        await Assert.ThrowsAsync<ArgumentException>(() => bad.WaitAsync(TimeSpan.FromSeconds(30)));
        await Task.WhenAll(first, good).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(await _storage.Alerts.GetActiveAsync(Key("U1"), default));
        Assert.Null(await _storage.Alerts.GetActiveAsync(Key("U2"), default));
    }

    private static string Key(string unit) => AlertKindNames.DedupKey(AlertKindNames.UnitLateRatio, unit);

    private static AlertChange Raise(string unit) => new(
        AlertChangeKind.Raise,
        Key(unit),
        Now,
        new AlertRecord(AlertPlanner.NewId(Now), AlertKindNames.UnitLateRatio, Key(unit), null, unit, null, ["L-" + unit], Now, null, "open", null, null, 0));
}
