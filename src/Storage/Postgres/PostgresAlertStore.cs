using System.Text;
using Npgsql;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>Alerts and their outbox on PostgreSQL.</summary>
internal sealed class PostgresAlertStore(PostgresExecutor db) : IAlertStore
{
    public Task ApplyAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            RecordValidation.AlertChange(change);
        }

        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                batch.BatchCommands.Add(PostgresAlertSql.LockOutbox());
                foreach (var change in changes)
                {
                    batch.BatchCommands.Add(PostgresAlertSql.Change(change));
                }

                await batch.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AlertRecord>> QueryAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        RecordValidation.AlertQuery(query);
        if (query.UnitIds is { Count: 0 })
        {
            return Task.FromResult<IReadOnlyList<AlertRecord>>([]);
        }

        var sql = new StringBuilder("SELECT ").Append(PostgresRows.AlertColumns).Append(" FROM alerts WHERE true");
        var parameters = new List<NpgsqlParameter>();
        if (query.UnitIds is { } units)
        {
            parameters.Add(TextArray(units.ToArray()));
            sql.Append(" AND unit_id = ANY($").Append(parameters.Count).Append(')');
        }

        if (query.State is { } state)
        {
            parameters.Add(Text(state));
            sql.Append(" AND state = $").Append(parameters.Count);
        }

        if (query.Kind is { } kind)
        {
            parameters.Add(Text(kind));
            sql.Append(" AND kind = $").Append(parameters.Count);
        }

        parameters.Add(Integer(query.Limit));
        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT $").Append(parameters.Count);
        return db.RunAsync<IReadOnlyList<AlertRecord>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, sql.ToString(), [.. parameters]);
                return await PostgresRows.ReadAllAsync(cmd, r => PostgresRows.ReadAlert(r, 0), ct);
            },
            cancellationToken);
    }

    public Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {PostgresRows.AlertColumns} FROM alerts WHERE id = $1", alertId, cancellationToken);

    public Task<AlertRecord?> GetActiveAsync(string dedupKey, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {PostgresRows.AlertColumns} FROM alerts WHERE dedup_key = $1 AND state IN ('open', 'acknowledged')", dedupKey, cancellationToken);

    public Task<AlertRecord?> AcknowledgeAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                batch.BatchCommands.Add(PostgresAlertSql.LockOutbox());
                batch.BatchCommands.Add(BatchCommand(PostgresAlertSql.AcknowledgeSql, Text(alertId), TimestampTz(at)));
                await using var r = await batch.ExecuteReaderAsync(ct);
                AlertRecord? alert = null;
                do
                {
                    if (r.FieldCount > 1)
                    {
                        while (await r.ReadAsync(ct))
                        {
                            alert = PostgresRows.ReadAlert(r, 0);
                        }
                    }
                }
                while (await r.NextResultAsync(ct));
                return alert;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AlertOutboxEntry>> ReadOutboxAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return db.RunAsync<IReadOnlyList<AlertOutboxEntry>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, PostgresAlertSql.ReadOutboxSql, Bigint(afterSequence), Integer(limit));
                return await PostgresRows.ReadAllAsync(
                    cmd,
                    r => new AlertOutboxEntry(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), PostgresRows.ReadAlert(r, 3)),
                    ct);
            },
            cancellationToken);
    }

    public Task<long> GetOutboxHeadAsync(CancellationToken cancellationToken) =>
        db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT coalesce(max(sequence), 0) FROM alert_outbox");
                return (long)(await cmd.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);

    private Task<AlertRecord?> QuerySingleAsync(string sql, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, sql, Text(key));
                var list = await PostgresRows.ReadAllAsync(cmd, r => PostgresRows.ReadAlert(r, 0), ct);
                return list.Count > 0 ? list[0] : null;
            },
            cancellationToken);
    }
}
