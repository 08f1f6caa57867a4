using System.Text;
using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>Alerts and their outbox on SQLite.</summary>
internal sealed class SqliteAlertStore(SqliteDatabase db) : IAlertStore
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

        return db.WriteAsync(
            tx =>
            {
                foreach (var change in changes)
                {
                    SqliteAlertOps.Apply(db, tx, change);
                }
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

        var sql = new StringBuilder("SELECT ").Append(SqliteRows.AlertColumns).Append(" FROM alerts WHERE 1 = 1");
        if (query.UnitIds is not null)
        {
            sql.Append(" AND unit_id IN (SELECT value FROM json_each(@units))");
        }

        if (query.State is not null)
        {
            sql.Append(" AND state = @state");
        }

        if (query.Kind is not null)
        {
            sql.Append(" AND kind = @kind");
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        return db.ReadAsync<IReadOnlyList<AlertRecord>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, sql.ToString()).Bind("@limit", query.Limit);
                if (query.UnitIds is { } units)
                {
                    cmd.BindList("@units", units);
                }

                if (query.State is { } state)
                {
                    cmd.Bind("@state", state);
                }

                if (query.Kind is { } kind)
                {
                    cmd.Bind("@kind", kind);
                }

                return SqliteRows.ReadAll(cmd, r => SqliteRows.ReadAlert(r, 0));
            },
            cancellationToken);
    }

    public Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return db.ReadAsync(c => Get(c, alertId), cancellationToken);
    }

    public Task<AlertRecord?> GetActiveAsync(string dedupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dedupKey);
        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, $"SELECT {SqliteRows.AlertColumns} FROM alerts WHERE dedup_key = @dedup AND state IN ('open', 'acknowledged')")
                    .Bind("@dedup", dedupKey);
                return SqliteRows.ReadAll(cmd, r => SqliteRows.ReadAlert(r, 0)).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<AlertRecord?> AcknowledgeAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return db.WriteAsync(tx => SqliteAlertOps.Acknowledge(db, tx, alertId, at), cancellationToken);
    }

    public Task<IReadOnlyList<AlertOutboxEntry>> ReadOutboxAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return db.ReadAsync<IReadOnlyList<AlertOutboxEntry>>(
            c =>
            {
                using var cmd = SqliteRows.Create(
                        c,
                        "SELECT sequence, event, at, alert_id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, " +
                        "state, acknowledged_at, resolved_at, repeats FROM alert_outbox WHERE sequence > @after ORDER BY sequence LIMIT @limit")
                    .Bind("@after", afterSequence)
                    .Bind("@limit", limit);
                return SqliteRows.ReadAll(cmd, r => new AlertOutboxEntry(r.GetInt64(0), r.GetString(1), SqliteRows.Instant(r, 2), SqliteRows.ReadAlert(r, 3)));
            },
            cancellationToken);
    }

    public Task<long> GetOutboxHeadAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT coalesce(max(sequence), 0) FROM alert_outbox");
                return (long)cmd.ExecuteScalar()!;
            },
            cancellationToken);

    private static AlertRecord? Get(SqliteConnection c, string alertId)
    {
        using var cmd = SqliteRows.Create(c, $"SELECT {SqliteRows.AlertColumns} FROM alerts WHERE id = @id").Bind("@id", alertId);
        return SqliteRows.ReadAll(cmd, r => SqliteRows.ReadAlert(r, 0)).FirstOrDefault();
    }
}
