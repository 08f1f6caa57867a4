using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>
/// Alert changes inside a write transaction, each followed by its outbox entry when it took effect. With one
/// writer at a time, AUTOINCREMENT hands out outbox sequences in commit order.
/// </summary>
internal static class SqliteAlertOps
{
    private const string OutboxSql =
        "INSERT INTO alert_outbox (event, at, alert_id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, " +
        "state, acknowledged_at, resolved_at, repeats) SELECT @event, @at, " + SqliteRows.AlertColumns + " FROM alerts WHERE id = @id";

    public static void Apply(SqliteDatabase db, SqliteTransaction tx, AlertChange change)
    {
        switch (change.Kind)
        {
            case AlertChangeKind.Raise:
                var a = change.Alert!;
                var inserted = db.Statement(
                        tx,
                        "INSERT INTO alerts (" + SqliteRows.AlertColumns + ") VALUES (@id, @kind, @dedup, @dossier, @unit, @officer, @recipients, " +
                        "@created, @due, 'open', NULL, NULL, @repeats) ON CONFLICT DO NOTHING")
                    .Bind("@id", a.Id)
                    .Bind("@kind", a.Kind)
                    .Bind("@dedup", a.DedupKey)
                    .Bind("@dossier", a.DossierId)
                    .Bind("@unit", a.UnitId)
                    .Bind("@officer", a.OfficerId)
                    .BindList("@recipients", a.Recipients)
                    .BindInstant("@created", a.CreatedAt)
                    .BindInstant("@due", a.DueAt)
                    .Bind("@repeats", a.Repeats)
                    .ExecuteNonQuery();
                if (inserted == 1)
                {
                    AppendOutbox(db, tx, "raised", a.CreatedAt, a.Id);
                }

                break;
            case AlertChangeKind.Resolve:
                ChangeActive(
                    db,
                    tx,
                    "UPDATE alerts SET state = 'resolved', resolved_at = @at WHERE dedup_key = @dedup AND state IN ('open', 'acknowledged') RETURNING id",
                    change,
                    "resolved");
                break;
            case AlertChangeKind.Repeat:
                ChangeActive(
                    db,
                    tx,
                    "UPDATE alerts SET repeats = repeats + 1 WHERE dedup_key = @dedup AND state = 'open' RETURNING id",
                    change,
                    "repeated");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown alert change.");
        }
    }

    /// <summary>Acknowledges an open alert (with its outbox entry); returns the alert as it is afterwards, or null.</summary>
    public static AlertRecord? Acknowledge(SqliteDatabase db, SqliteTransaction tx, string alertId, DateTimeOffset at)
    {
        var changed = db.Statement(tx, "UPDATE alerts SET state = 'acknowledged', acknowledged_at = @at WHERE id = @id AND state = 'open'")
            .Bind("@id", alertId)
            .BindInstant("@at", at)
            .ExecuteNonQuery() == 1;
        if (changed)
        {
            AppendOutbox(db, tx, "acknowledged", at, alertId);
        }

        var select = db.Statement(tx, $"SELECT {SqliteRows.AlertColumns} FROM alerts WHERE id = @id").Bind("@id", alertId);
        return SqliteRows.ReadAll(select, r => SqliteRows.ReadAlert(r, 0)).FirstOrDefault();
    }

    private static void ChangeActive(SqliteDatabase db, SqliteTransaction tx, string sql, AlertChange change, string outboxEvent)
    {
        if (db.Statement(tx, sql).Bind("@dedup", change.DedupKey).BindInstant("@at", change.At).ExecuteScalar() is string id)
        {
            AppendOutbox(db, tx, outboxEvent, change.At, id);
        }
    }

    private static void AppendOutbox(SqliteDatabase db, SqliteTransaction tx, string outboxEvent, DateTimeOffset at, string alertId) =>
        db.Statement(tx, OutboxSql)
            .Bind("@event", outboxEvent)
            .BindInstant("@at", at)
            .Bind("@id", alertId)
            .ExecuteNonQuery();
}
