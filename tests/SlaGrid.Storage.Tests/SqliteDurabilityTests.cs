using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Storage.Sqlite;

namespace SlaGrid.Storage.Tests;

/// <summary>An acknowledged commit must survive a crash: WAL with synchronous=FULL on the writer.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slagrid-durable-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Writer_RunsInWalModeWithFullSynchronousCommits()
    {
        await using var storage = new SqliteStorage(Path.Combine(_directory, "grid.db"), TimeProvider.System, NullLoggerFactory.Instance);
        await storage.MigrateAsync(CancellationToken.None);

        Assert.Equal("wal", await storage.WriterPragmaAsync("journal_mode", CancellationToken.None));
        Assert.Equal(2L, await storage.WriterPragmaAsync("synchronous", CancellationToken.None)); // 2 = FULL
        Assert.Equal(5000L, await storage.WriterPragmaAsync("busy_timeout", CancellationToken.None));
        Assert.Equal(1L, await storage.WriterPragmaAsync("foreign_keys", CancellationToken.None));
    }

    [Fact]
    public async Task CommittedData_IsThereAfterTheStoreIsReopened()
    {
        var path = Path.Combine(_directory, "grid.db");
        await using (var first = new SqliteStorage(path, TimeProvider.System, NullLoggerFactory.Instance))
        {
            await first.MigrateAsync(CancellationToken.None);
            await first.Dossiers.CommitAsync([Support.TestData.Received("D1", "E1")], CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        await using var second = new SqliteStorage(path, TimeProvider.System, NullLoggerFactory.Instance);
        await second.MigrateAsync(CancellationToken.None);
        Assert.Equal("D1", (await second.Dossiers.FindEventsAsync(["E1"], CancellationToken.None))["E1"]);
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
