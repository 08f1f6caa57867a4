using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Storage.Sqlite;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests;

public sealed class StorageFactoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slagrid-factory-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task SqliteSpec_CreatesTheDirectoryAndAMigratedStore()
    {
        var path = Path.Combine(_directory, "nested", "deeper", "grid.db");

        await using var storage = await StorageFactory.CreateAsync("sqlite:" + path, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.IsType<SqliteStorage>(storage);
        Assert.Equal("sqlite", storage.Provider);
        Assert.True(File.Exists(path));
        Assert.True(await storage.PingAsync(CancellationToken.None));
        await storage.Dossiers.CommitAsync([TestData.Received("D1", "E1")], CancellationToken.None);
        Assert.Equal(1, await storage.Dossiers.CountEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task BadSpec_IsRefusedBeforeAnythingIsOpened()
    {
        await Assert.ThrowsAsync<FormatException>(() => StorageFactory.CreateAsync("oracle:x", TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
