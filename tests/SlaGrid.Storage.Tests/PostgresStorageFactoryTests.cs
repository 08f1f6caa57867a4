using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Tests.Support;
using SlaGrid.Testing;

namespace SlaGrid.Storage.Tests;

public sealed class PostgresStorageFactoryTests(PostgresBackend postgres) : IClassFixture<PostgresBackend>
{
    [PostgresFact]
    public async Task PostgresSpec_OpensAMigratedPostgresStore()
    {
        await using ISlaGridStorage storage = await StorageFactory.CreateAsync(
            "postgres:" + await postgres.NewDatabaseAsync(),
            TimeProvider.System,
            NullLoggerFactory.Instance,
            CancellationToken.None);

        Assert.IsType<PostgresStorage>(storage);
        Assert.Equal("postgres", storage.Provider);
        Assert.True(await storage.PingAsync(CancellationToken.None));
        Assert.Equal(0, await storage.Dossiers.CountEventsAsync(CancellationToken.None));
    }
}
