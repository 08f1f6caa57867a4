using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Tests.Support;
using SlaGrid.Testing;

namespace SlaGrid.Storage.Tests;

/// <summary>
/// A production server's default collation is a natural-language one (en_US, vi_VN), not the test server's C.
/// Keyset paging must still follow byte (ordinal) order there, the order SQLite gives and the runtime expects.
/// </summary>
public sealed class PostgresCollationTests
{
    [PostgresFact]
    public async Task DeadlinePaging_FollowsByteOrder_OnADatabaseWithAVietnameseCollation()
    {
        var admin = TestEnvironment.RequirePostgres();
        var name = "slagrid_t_vi_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" LOCALE_PROVIDER icu ICU_LOCALE 'vi' LOCALE 'C.UTF-8' TEMPLATE template0");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
            await using var storage = new PostgresStorage(connectionString, TimeProvider.System, NullLoggerFactory.Instance);
            await storage.MigrateAsync(CancellationToken.None);
            string[] keys = ["b", "a", "B", "A", "Z", "Đ1", "D2", "e", "E"];
            var entries = keys.Select(k => new DeadlineEntry("dossier", k, "due", TestData.T0)).ToList();
            foreach (var entry in entries)
            {
                await storage.Deadlines.UpsertAsync(entry, CancellationToken.None);
            }

            var paged = new List<DeadlineEntry>();
            DeadlineEntry? after = null;
            IReadOnlyList<DeadlineEntry> page;
            do
            {
                page = await storage.Deadlines.GetDueBeforeAsync(DateTimeOffset.MaxValue, after, 2, CancellationToken.None);
                paged.AddRange(page);
                after = page.Count > 0 ? page[^1] : after;
            }
            while (page.Count == 2);

            Assert.Equal(entries.OrderBy(e => e.GrainKey, StringComparer.Ordinal).Select(e => e.GrainKey), paged.Select(e => e.GrainKey));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
