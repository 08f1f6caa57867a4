using Microsoft.Extensions.Logging;
using Npgsql;
using SlaGrid.Storage.Migrations;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>
/// Applies the embedded PostgreSQL migrations in one transaction under an advisory lock, so that silos starting
/// together migrate once and the others wait, then find the schema current.
/// </summary>
internal sealed class PostgresMigrator(PostgresExecutor db, IReadOnlyList<MigrationScript> scripts, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The advisory lock key that serializes migrations ("SLAGRIDM").</summary>
    public const long MigrationLockKey = 0x534C_4147_5249_444D;

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)";

    public Task MigrateAsync(CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using (var lockCmd = Command(c, tx, "SELECT pg_advisory_xact_lock($1)", Bigint(MigrationLockKey)))
                {
                    await lockCmd.ExecuteNonQueryAsync(ct);
                }

                await using (var create = Command(c, tx, CreateVersionTable))
                {
                    await create.ExecuteNonQueryAsync(ct);
                }

                var applied = new Dictionary<int, string>();
                await using (var read = Command(c, tx, "SELECT version, checksum FROM schema_version"))
                await using (var r = await read.ExecuteReaderAsync(ct))
                {
                    while (await r.ReadAsync(ct))
                    {
                        applied[r.GetInt32(0)] = r.GetString(1);
                    }
                }

                var current = applied.Count == 0 ? 0 : applied.Keys.Max();
                var latest = scripts[^1].Version;
                if (current > latest)
                {
                    throw new SchemaTooNewException(PostgresExecutor.Provider, current, latest);
                }

                foreach (var script in scripts)
                {
                    if (applied.TryGetValue(script.Version, out var checksum))
                    {
                        if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                        {
                            StorageLog.MigrationChanged(logger, PostgresExecutor.Provider, script.Version, script.Name);
                        }

                        continue;
                    }

                    await using (var apply = new NpgsqlCommand(script.Sql, c, tx))
                    {
                        await apply.ExecuteNonQueryAsync(ct);
                    }

                    await using var record = Command(
                        c,
                        tx,
                        "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
                        Integer(script.Version),
                        Text(script.Name),
                        Text(script.Checksum),
                        TimestampTz(timeProvider.GetUtcNow()));
                    await record.ExecuteNonQueryAsync(ct);
                }

                if (current < latest)
                {
                    StorageLog.Migrated(logger, PostgresExecutor.Provider, current, latest);
                }
                else
                {
                    StorageLog.SchemaUpToDate(logger, PostgresExecutor.Provider, current);
                }
            },
            cancellationToken);
}
