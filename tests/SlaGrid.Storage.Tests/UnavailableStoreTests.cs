using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Sqlite;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests;

/// <summary>A store that cannot be reached fails with <see cref="StorageUnavailableException"/> (the API's 503), never hangs or leaks secrets.</summary>
public sealed class UnavailableStoreTests : IDisposable
{
    // Nothing listens on port 1 of the loopback: connections are refused at once.
    private const string Refused = "Host=127.0.0.1;Port=1;Username=slagrid;Password=hunter2;Database=slagrid;Timeout=3";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slagrid-busy-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Postgres_ConnectionRefused_IsStorageUnavailable()
    {
        await using var storage = new PostgresStorage(Refused, TimeProvider.System, NullLoggerFactory.Instance);

        var migrate = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.MigrateAsync(CancellationToken.None));
        var read = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Keys.GetAllAsync(CancellationToken.None));

        Assert.False(await storage.PingAsync(CancellationToken.None));
        Assert.True(migrate.RetryAfter > TimeSpan.Zero);
        Assert.DoesNotContain("hunter2", migrate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupCommitter_OnAnUnreachableStore_FailsEveryCallerWithStorageUnavailable()
    {
        await using var storage = new PostgresStorage(Refused, TimeProvider.System, NullLoggerFactory.Instance);
        using var instruments = new StorageInstruments();
        await using var committer = new GroupCommitter(storage.Dossiers, new GroupCommitOptions(), instruments, TimeProvider.System, NullLogger<GroupCommitter>.Instance);

        var calls = Enumerable.Range(0, 5).Select(i => committer.CommitAsync(TestData.Received($"D{i}", $"E{i}"), CancellationToken.None)).ToList();

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<StorageUnavailableException>(() => call);
            Assert.True(ex.RetryAfter > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Sqlite_LockedByAnotherProcess_IsStorageUnavailable_AndRecoversWhenReleased()
    {
        var path = Path.Combine(_directory, "locked.db");
        await using var storage = new SqliteStorage(path, TimeProvider.System, NullLoggerFactory.Instance, new SqliteStorageOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        await storage.MigrateAsync(CancellationToken.None);

        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('lock', '1');";
            hold.ExecuteNonQuery();

            await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.States.WriteAsync("g", "k", "v", null, CancellationToken.None));

            hold.CommandText = "ROLLBACK;";
            hold.ExecuteNonQuery();
        }

        var etag = await storage.States.WriteAsync("g", "k", "v", null, CancellationToken.None);
        Assert.Equal(etag, (await storage.States.ReadAsync("g", "k", CancellationToken.None))!.ETag);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
