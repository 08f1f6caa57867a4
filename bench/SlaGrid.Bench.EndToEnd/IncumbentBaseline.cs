using Npgsql;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// The incumbent: a scheduled SQL query that counts open, overdue and due-soon dossiers per unit over the dossiers
/// table (the silo's own table, same rows), timed per refresh, first with the silo's schema as it is and then with
/// the index a DBA would add for it (a partial covering index on the open rows, after VACUUM ANALYZE).
/// </summary>
internal static class IncumbentBaseline
{
    /// <summary>The query, as a provincial system would schedule it ($1 = now).</summary>
    public const string Query =
        "SELECT unit_id, count(*) AS open, " +
        "count(*) FILTER (WHERE NOT paused AND due_at < $1) AS overdue, " +
        "count(*) FILTER (WHERE NOT paused AND due_at >= $1 AND due_soon_at <= $1) AS due_soon " +
        "FROM dossiers WHERE finished_at IS NULL GROUP BY unit_id";

    /// <summary>The index added for the second variant.</summary>
    public const string Index =
        "CREATE INDEX bench_incumbent_open_by_unit ON dossiers (unit_id) INCLUDE (paused, due_at, due_soon_at) WHERE finished_at IS NULL";

    /// <summary>Times both variants; the index is dropped again at the end.</summary>
    public static async Task<IReadOnlyList<IncumbentResult>> RunAsync(string connectionString, int runs, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var backendPid = (int)(await Scalar(connection, "SELECT pg_backend_pid()", cancellationToken))!;
        var tableRows = Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM dossiers", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var results = new List<IncumbentResult>();
        await Exec(connection, "ANALYZE dossiers", cancellationToken);
        results.Add(await TimeAsync(connection, "silo schema as is", backendPid, tableRows, runs, time, cancellationToken));
        await Exec(connection, Index, cancellationToken);
        await Exec(connection, "VACUUM ANALYZE dossiers", cancellationToken);
        results.Add(await TimeAsync(connection, "+ partial covering index (unit_id) INCLUDE (paused, due_at, due_soon_at) WHERE open", backendPid, tableRows, runs, time, cancellationToken));
        await Exec(connection, "DROP INDEX bench_incumbent_open_by_unit", cancellationToken);
        return results;
    }

    private static async Task<IncumbentResult> TimeAsync(NpgsqlConnection connection, string variant, int backendPid, long tableRows, int runs, TimeProvider time, CancellationToken cancellationToken)
    {
        var plan = new List<string>();
        await using (var explain = new NpgsqlCommand("EXPLAIN " + Query, connection))
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.Add(reader.GetString(0).Trim());
            }
        }

        // CPU ticks are 10 ms: the backend's CPU is taken over all timed runs and divided (runs go on for at least 2 s).
        var wall = new List<double>();
        (long Open, long Overdue, long DueSoon, int Units) totals = default;
        for (var i = 0; i < 2; i++)
        {
            totals = await RunQueryAsync(connection, time.GetUtcNow(), cancellationToken);
        }

        var cpuBefore = ProcStats.CpuSeconds(backendPid);
        var timedStart = time.GetTimestamp();
        while (wall.Count < runs || (time.GetElapsedTime(timedStart) < TimeSpan.FromSeconds(2) && wall.Count < 1000))
        {
            var started = time.GetTimestamp();
            totals = await RunQueryAsync(connection, time.GetUtcNow(), cancellationToken);
            wall.Add(time.GetElapsedTime(started).TotalMilliseconds);
        }

        var cpuAfter = ProcStats.CpuSeconds(backendPid);
        double? cpuPerRun = cpuBefore is { } b && cpuAfter is { } a ? (a - b) * 1000 / wall.Count : null;

        var scan = plan.FirstOrDefault(l => l.Contains("Scan", StringComparison.Ordinal)) ?? plan.FirstOrDefault() ?? "?";
        return new IncumbentResult(variant, scan.TrimStart('-', '>', ' '), tableRows, new Percentiles(wall), cpuPerRun, totals.Open, totals.Overdue, totals.DueSoon, totals.Units);
    }

    private static async Task<(long Open, long Overdue, long DueSoon, int Units)> RunQueryAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(Query, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        long open = 0, overdue = 0, dueSoon = 0;
        var units = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            units++;
            open += reader.GetInt64(1);
            overdue += reader.GetInt64(2);
            dueSoon += reader.GetInt64(3);
        }

        return (open, overdue, dueSoon, units);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task Exec(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
