using Microsoft.Extensions.Logging;
using SlaGrid.Storage.Migrations;

namespace SlaGrid.Storage.Sqlite;

/// <summary>
/// Applies the embedded SQLite migrations in one write transaction (<c>BEGIN IMMEDIATE</c>: another process
/// starting on the same file waits for it, then finds the schema current).
/// </summary>
internal sealed class SqliteMigrator(SqliteDatabase db, IReadOnlyList<MigrationScript> scripts, TimeProvider timeProvider, ILogger logger)
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT";

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        db.WriteAsync(
            tx =>
            {
                using (var create = tx.Connection!.CreateCommand())
                {
                    create.Transaction = tx;
                    create.CommandText = CreateVersionTable;
                    create.ExecuteNonQuery();
                }

                var applied = new Dictionary<int, string>();
                using (var read = tx.Connection.CreateCommand())
                {
                    read.Transaction = tx;
                    read.CommandText = "SELECT version, checksum FROM schema_version";
                    using var r = read.ExecuteReader();
                    while (r.Read())
                    {
                        applied[r.GetInt32(0)] = r.GetString(1);
                    }
                }

                var current = applied.Count == 0 ? 0 : applied.Keys.Max();
                var latest = scripts[^1].Version;
                if (current > latest)
                {
                    throw new SchemaTooNewException(SqliteDatabase.Provider, current, latest);
                }

                foreach (var script in scripts)
                {
                    if (applied.TryGetValue(script.Version, out var checksum))
                    {
                        if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                        {
                            StorageLog.MigrationChanged(logger, SqliteDatabase.Provider, script.Version, script.Name);
                        }

                        continue;
                    }

                    using var apply = tx.Connection.CreateCommand();
                    apply.Transaction = tx;
                    apply.CommandText = script.Sql;
                    apply.ExecuteNonQuery();
                    apply.CommandText = "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)";
                    apply.Bind("@version", script.Version)
                        .Bind("@name", script.Name)
                        .Bind("@checksum", script.Checksum)
                        .BindInstant("@at", timeProvider.GetUtcNow())
                        .ExecuteNonQuery();
                }

                if (current < latest)
                {
                    StorageLog.Migrated(logger, SqliteDatabase.Provider, current, latest);
                }
                else
                {
                    StorageLog.SchemaUpToDate(logger, SqliteDatabase.Provider, current);
                }
            },
            cancellationToken);
}
