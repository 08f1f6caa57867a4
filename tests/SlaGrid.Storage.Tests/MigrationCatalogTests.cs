using System.Text.RegularExpressions;
using SlaGrid.Storage.Migrations;

namespace SlaGrid.Storage.Tests;

public sealed partial class MigrationCatalogTests
{
    [Fact]
    public void BothBackends_CarryTheSameNumberedMigrations()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.Postgres.Count), MigrationCatalog.Postgres.Select(m => m.Version));
        Assert.Equal(MigrationCatalog.Postgres.Select(m => (m.Version, m.Name)), MigrationCatalog.Sqlite.Select(m => (m.Version, m.Name)));
        Assert.All(MigrationCatalog.Postgres.Concat(MigrationCatalog.Sqlite), m => Assert.Equal(64, m.Checksum.Length));
    }

    [Fact]
    public void BothBackends_CreateTheSameTablesAndIndexes()
    {
        static string[] Names(IEnumerable<MigrationScript> scripts, Regex pattern) =>
            [.. scripts.SelectMany(s => pattern.Matches(s.Sql)).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

        Assert.Equal(Names(MigrationCatalog.Postgres, CreateTable()), Names(MigrationCatalog.Sqlite, CreateTable()));
        Assert.Equal(Names(MigrationCatalog.Postgres, CreateIndex()), Names(MigrationCatalog.Sqlite, CreateIndex()));
        Assert.Superset(
            new HashSet<string>(["units", "officers", "procedures", "calendar_days", "settings", "dossiers", "dossier_events", "deadlines", "grain_state", "alerts", "alert_outbox", "webhooks", "webhook_cursors", "api_keys"]),
            Names(MigrationCatalog.Postgres, CreateTable()).ToHashSet());
    }

    [GeneratedRegex(@"CREATE TABLE (\w+)")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CREATE (?:UNIQUE )?INDEX (\w+)")]
    private static partial Regex CreateIndex();
}
