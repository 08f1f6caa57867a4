using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Sqlite;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    private int LatestVersion => Backend.Provider == "postgres" ? PostgresStorage.LatestSchemaVersion : SqliteStorage.LatestSchemaVersion;

    [BackendFact]
    public async Task Migrate_RunAgain_IsHarmless_AndKeepsTheData()
    {
        await Storage.Dossiers.CommitAsync([TestData.Received("D1", "E1")], Ct);

        await Storage.MigrateAsync(Ct);
        await using (var again = Backend.Open(Location, Time))
        {
            await again.MigrateAsync(Ct);
            Assert.Equal(1, await again.Dossiers.CountEventsAsync(Ct));
        }

        Assert.Equal(LatestVersion, Convert.ToInt32(await Backend.ScalarAsync(Location, "SELECT count(*) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LatestVersion, Convert.ToInt32(await Backend.ScalarAsync(Location, "SELECT max(version) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [BackendFact]
    public async Task Migrate_StartingTogetherOnAFreshDatabase_MigratesOnce()
    {
        var location = await Backend.NewDatabaseAsync();
        var storages = Enumerable.Range(0, 4).Select(_ => Backend.Open(location, Time)).ToList();
        try
        {
            await Task.WhenAll(storages.Select(s => Task.Run(() => s.MigrateAsync(Ct))));
            await storages[0].Dossiers.CommitAsync([TestData.Received("D1", "E1")], Ct);
            Assert.Equal(1, await storages[3].Dossiers.CountEventsAsync(Ct));
        }
        finally
        {
            foreach (var s in storages)
            {
                await s.DisposeAsync();
            }
        }

        Assert.Equal(LatestVersion, Convert.ToInt32(await Backend.ScalarAsync(location, "SELECT count(*) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [BackendFact]
    public async Task Migrate_OnASchemaNewerThanTheBinary_RefusesWithAClearMessage()
    {
        var now = Backend.Provider == "postgres" ? "now()" : "0";
        await Backend.ScalarAsync(Location, $"INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (99, 'from_the_future', 'x', {now})");

        await using var newer = Backend.Open(Location, Time);
        var ex = await Assert.ThrowsAsync<SchemaTooNewException>(() => newer.MigrateAsync(Ct));

        Assert.Equal(99, ex.DatabaseVersion);
        Assert.Equal(LatestVersion, ex.SupportedVersion);
        Assert.Equal(Backend.Provider, ex.Provider);
        Assert.Contains("version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {LatestVersion}", ex.Message, StringComparison.Ordinal);
    }
}
