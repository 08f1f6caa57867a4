using Npgsql;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>Webhooks and their delivery cursors on PostgreSQL.</summary>
internal sealed class PostgresWebhookStore(PostgresExecutor db) : IWebhookStore
{
    public Task UpsertAsync(IReadOnlyList<WebhookRecord> webhooks, long startAfterSequence, CancellationToken cancellationToken)
    {
        RecordValidation.Webhooks(webhooks);
        ArgumentOutOfRangeException.ThrowIfNegative(startAfterSequence);
        if (webhooks.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                foreach (var w in webhooks)
                {
                    batch.BatchCommands.Add(BatchCommand(
                        "INSERT INTO webhooks (id, url, secret, unit_id) VALUES ($1, $2, $3, $4) " +
                        "ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, unit_id = excluded.unit_id",
                        Text(w.Id),
                        Text(w.Url),
                        Text(w.Secret),
                        Text(w.UnitId)));
                    batch.BatchCommands.Add(BatchCommand(
                        "INSERT INTO webhook_cursors (webhook_id, delivered, attempts, next_attempt_at, last_error) VALUES ($1, $2, 0, NULL, NULL) " +
                        "ON CONFLICT (webhook_id) DO NOTHING",
                        Text(w.Id),
                        Bigint(startAfterSequence)));
                }

                await batch.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WebhookRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<WebhookRecord>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT id, url, secret, unit_id FROM webhooks ORDER BY id");
                return await PostgresRows.ReadAllAsync(
                    cmd,
                    r => new WebhookRecord(r.GetString(0), r.GetString(1), r.GetString(2), PostgresRows.NullableString(r, 3)),
                    ct);
            },
            cancellationToken);

    public Task<bool> DeleteAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "DELETE FROM webhooks WHERE id = $1", Text(webhookId));
                return await cmd.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }

    public Task<WebhookCursor?> GetCursorAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    "SELECT webhook_id, delivered, attempts, next_attempt_at, last_error FROM webhook_cursors WHERE webhook_id = $1",
                    Text(webhookId));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                return await r.ReadAsync(ct)
                    ? new WebhookCursor(r.GetString(0), r.GetInt64(1), r.GetInt32(2), PostgresRows.NullableInstant(r, 3), PostgresRows.NullableString(r, 4))
                    : null;
            },
            cancellationToken);
    }

    public Task SaveCursorAsync(WebhookCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(cursor.WebhookId);
        return db.RunAsync(
            async (c, ct) =>
            {
                // A cursor only exists for an existing webhook: saving one for a deleted webhook does nothing.
                await using var cmd = Command(
                    c,
                    null,
                    "INSERT INTO webhook_cursors (webhook_id, delivered, attempts, next_attempt_at, last_error) " +
                    "SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = $1) " +
                    "ON CONFLICT (webhook_id) DO UPDATE SET delivered = excluded.delivered, attempts = excluded.attempts, " +
                    "next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error",
                    Text(cursor.WebhookId),
                    Bigint(cursor.Delivered),
                    Integer(cursor.Attempts),
                    TimestampTz(cursor.NextAttemptAt),
                    Text(cursor.LastError));
                await cmd.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
