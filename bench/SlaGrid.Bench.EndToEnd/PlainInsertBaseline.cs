using Npgsql;
using NpgsqlTypes;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// The physical limit of durable ingestion on this PostgreSQL: the same event rows (id, dossier, type, at, JSON
/// payload, ingestion time; primary key on the event id, as SlaGrid's log has) written by concurrent writers in
/// batches, one transaction (one durable commit) per batch, either with binary COPY or with one multi-row INSERT.
/// </summary>
internal static class PlainInsertBaseline
{
    /// <summary>Runs one variant for <paramref name="duration"/> and returns rows/s and per-batch commit latencies.</summary>
    public static async Task<BaselineResult> RunAsync(
        string connectionString,
        bool copy,
        int writers,
        int batchSize,
        TimeSpan duration,
        Func<int?> postgresPid,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var table = copy ? "bench_plain_events_copy" : "bench_plain_events_insert";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(
            $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (event_id text COLLATE \"C\" PRIMARY KEY, dossier_id text COLLATE \"C\" NOT NULL, " +
            "type text NOT NULL, at timestamptz NOT NULL, payload jsonb NOT NULL, ingested_at timestamptz NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var payload = SamplePayload();
        long rows = 0;
        var latencies = new List<double>();
        var cpuBefore = postgresPid() is { } pid0 ? ProcStats.ClusterCpuSeconds(pid0) : null;
        var started = time.GetTimestamp();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                long n = 0;
                while (time.GetElapsedTime(started) < duration)
                {
                    var batchStart = time.GetTimestamp();
                    var at = time.GetUtcNow();
                    await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
                    {
                        if (copy)
                        {
                            await using var writer = await connection.BeginBinaryImportAsync(
                                $"COPY {table} (event_id, dossier_id, type, at, payload, ingested_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
                            for (var i = 0; i < batchSize; i++, n++)
                            {
                                await writer.StartRowAsync(cancellationToken);
                                await writer.WriteAsync($"w{w}-{n}", NpgsqlDbType.Text, cancellationToken);
                                await writer.WriteAsync($"D{w}-{n % 100_000}", NpgsqlDbType.Text, cancellationToken);
                                await writer.WriteAsync("received", NpgsqlDbType.Text, cancellationToken);
                                await writer.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                                await writer.WriteAsync(payload, NpgsqlDbType.Jsonb, cancellationToken);
                                await writer.WriteAsync(at.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                            }

                            await writer.CompleteAsync(cancellationToken);
                        }
                        else
                        {
                            var ids = new string[batchSize];
                            var dossiers = new string[batchSize];
                            var types = new string[batchSize];
                            var ats = new DateTime[batchSize];
                            var payloads = new string[batchSize];
                            for (var i = 0; i < batchSize; i++, n++)
                            {
                                ids[i] = $"w{w}-{n}";
                                dossiers[i] = $"D{w}-{n % 100_000}";
                                types[i] = "received";
                                ats[i] = at.UtcDateTime;
                                payloads[i] = payload;
                            }

                            await using var insert = new NpgsqlCommand(
                                $"INSERT INTO {table} (event_id, dossier_id, type, at, payload, ingested_at) " +
                                "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[], $4::timestamptz[]) " +
                                "ON CONFLICT (event_id) DO NOTHING",
                                connection,
                                tx);
                            insert.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                            insert.Parameters.Add(new NpgsqlParameter { Value = dossiers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                            insert.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                            insert.Parameters.Add(new NpgsqlParameter { Value = ats, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
                            insert.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                            await insert.ExecuteNonQueryAsync(cancellationToken);
                        }

                        await tx.CommitAsync(cancellationToken);
                    }

                    var ms = time.GetElapsedTime(batchStart).TotalMilliseconds;
                    Interlocked.Add(ref rows, batchSize);
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(tasks);
        var elapsed = time.GetElapsedTime(started);
        var cpuAfter = postgresPid() is { } pid1 ? ProcStats.ClusterCpuSeconds(pid1) : null;
        await using (var drop = dataSource.CreateCommand($"DROP TABLE {table}"))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BaselineResult(
            copy ? "binary COPY" : "multi-row INSERT (unnest)",
            rows,
            rows / elapsed.TotalSeconds,
            new Percentiles(latencies),
            cpuBefore is { } b && cpuAfter is { } a ? (a - b) / rows * 1000 * 1000 : null);
    }

    // A payload shaped like a 'received' event as the SDK sends it (SlaGrid stores the event's JSON as jsonb).
    private static string SamplePayload() =>
        "{\"eventId\":\"e000000001\",\"dossierId\":\"D00000001\",\"type\":\"received\",\"at\":\"2026-07-01T09:00:00+07:00\"," +
        "\"unitId\":\"P01.C0001\",\"procedureCode\":\"TT-5D\",\"officerId\":\"O000001\"}";
}
