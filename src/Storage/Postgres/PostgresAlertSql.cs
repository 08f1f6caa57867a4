using Npgsql;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>
/// The statements that change alerts and append to the outbox. Each change is one statement (a data-modifying
/// CTE): the change, and the outbox entry only when the change took effect. Any transaction that appends to the
/// outbox first takes <see cref="LockOutbox"/>, a transaction-scoped advisory lock, so that outbox sequences are
/// handed out in commit order.
/// </summary>
internal static class PostgresAlertSql
{
    /// <summary>The advisory lock key that serializes outbox writers ("SLAGRIDO").</summary>
    public const long OutboxLockKey = 0x534C_4147_5249_444F;

    private const string OutboxColumns =
        "event, at, alert_id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, state, acknowledged_at, resolved_at, repeats";

    private const string FromChanged =
        "x.id, x.kind, x.dedup_key, x.dossier_id, x.unit_id, x.officer_id, x.recipients, x.created_at, x.due_at, x.state, x.acknowledged_at, x.resolved_at, x.repeats FROM x";

    private static readonly string RaiseSql =
        "WITH x AS (INSERT INTO alerts (" + PostgresRows.AlertColumns + ") " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', NULL, NULL, $10) ON CONFLICT DO NOTHING RETURNING " + PostgresRows.AlertColumns + ") " +
        "INSERT INTO alert_outbox (" + OutboxColumns + ") SELECT 'raised', x.created_at, " + FromChanged;

    private static readonly string ResolveSql =
        "WITH x AS (UPDATE alerts SET state = 'resolved', resolved_at = $2 WHERE dedup_key = $1 AND state IN ('open', 'acknowledged') " +
        "RETURNING " + PostgresRows.AlertColumns + ") " +
        "INSERT INTO alert_outbox (" + OutboxColumns + ") SELECT 'resolved', $2, " + FromChanged;

    private static readonly string RepeatSql =
        "WITH x AS (UPDATE alerts SET repeats = repeats + 1 WHERE dedup_key = $1 AND state = 'open' RETURNING " + PostgresRows.AlertColumns + ") " +
        "INSERT INTO alert_outbox (" + OutboxColumns + ") SELECT 'repeated', $2, " + FromChanged;

    /// <summary>Acknowledges an open alert (with its outbox entry) and returns the alert as it is afterwards.</summary>
    public static readonly string AcknowledgeSql =
        "WITH x AS (UPDATE alerts SET state = 'acknowledged', acknowledged_at = $2 WHERE id = $1 AND state = 'open' RETURNING " + PostgresRows.AlertColumns + "), " +
        "o AS (INSERT INTO alert_outbox (" + OutboxColumns + ") SELECT 'acknowledged', $2, " + FromChanged + ") " +
        "SELECT " + PostgresRows.AlertColumns + " FROM x UNION ALL " +
        "SELECT " + PostgresRows.AlertColumns + " FROM alerts WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM x)";

    /// <summary>Reads the outbox after a sequence.</summary>
    public static readonly string ReadOutboxSql =
        "SELECT sequence, event, at, alert_id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, state, acknowledged_at, resolved_at, repeats " +
        "FROM alert_outbox WHERE sequence > $1 ORDER BY sequence LIMIT $2";

    public static NpgsqlBatchCommand LockOutbox() => BatchCommand("SELECT pg_advisory_xact_lock($1)", Bigint(OutboxLockKey));

    public static NpgsqlBatchCommand Change(AlertChange change) => change.Kind switch
    {
        AlertChangeKind.Raise => Raise(change.Alert!),
        AlertChangeKind.Resolve => BatchCommand(ResolveSql, Text(change.DedupKey), TimestampTz(change.At)),
        AlertChangeKind.Repeat => BatchCommand(RepeatSql, Text(change.DedupKey), TimestampTz(change.At)),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown alert change."),
    };

    private static NpgsqlBatchCommand Raise(AlertRecord a) => BatchCommand(
        RaiseSql,
        Text(a.Id),
        Text(a.Kind),
        Text(a.DedupKey),
        Text(a.DossierId),
        Text(a.UnitId),
        Text(a.OfficerId),
        TextArray(a.Recipients.ToArray()),
        TimestampTz(a.CreatedAt),
        TimestampTz(a.DueAt),
        Integer(a.Repeats));
}
