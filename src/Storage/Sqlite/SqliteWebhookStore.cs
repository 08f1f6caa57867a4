using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>Webhooks and their delivery cursors on SQLite.</summary>
internal sealed class SqliteWebhookStore(SqliteDatabase db) : IWebhookStore
{
    public Task UpsertAsync(IReadOnlyList<WebhookRecord> webhooks, long startAfterSequence, CancellationToken cancellationToken)
    {
        RecordValidation.Webhooks(webhooks);
        ArgumentOutOfRangeException.ThrowIfNegative(startAfterSequence);
        return db.WriteAsync(
            tx =>
            {
                foreach (var w in webhooks)
                {
                    db.Statement(
                            tx,
                            "INSERT INTO webhooks (id, url, secret, unit_id) VALUES (@id, @url, @secret, @unit) " +
                            "ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, unit_id = excluded.unit_id")
                        .Bind("@id", w.Id)
                        .Bind("@url", w.Url)
                        .Bind("@secret", w.Secret)
                        .Bind("@unit", w.UnitId)
                        .ExecuteNonQuery();
                    db.Statement(
                            tx,
                            "INSERT INTO webhook_cursors (webhook_id, delivered, attempts, next_attempt_at, last_error) VALUES (@id, @start, 0, NULL, NULL) " +
                            "ON CONFLICT (webhook_id) DO NOTHING")
                        .Bind("@id", w.Id)
                        .Bind("@start", startAfterSequence)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WebhookRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<WebhookRecord>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT id, url, secret, unit_id FROM webhooks ORDER BY id");
                return SqliteRows.ReadAll(cmd, r => new WebhookRecord(r.GetString(0), r.GetString(1), r.GetString(2), SqliteRows.NullableString(r, 3)));
            },
            cancellationToken);

    public Task<bool> DeleteAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        return db.WriteAsync(
            tx =>
            {
                db.Statement(tx, "DELETE FROM webhook_cursors WHERE webhook_id = @id").Bind("@id", webhookId).ExecuteNonQuery();
                return db.Statement(tx, "DELETE FROM webhooks WHERE id = @id").Bind("@id", webhookId).ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<WebhookCursor?> GetCursorAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT webhook_id, delivered, attempts, next_attempt_at, last_error FROM webhook_cursors WHERE webhook_id = @id")
                    .Bind("@id", webhookId);
                return SqliteRows.ReadAll(
                        cmd,
                        r => new WebhookCursor(r.GetString(0), r.GetInt64(1), r.GetInt32(2), SqliteRows.NullableInstant(r, 3), SqliteRows.NullableString(r, 4)))
                    .FirstOrDefault();
            },
            cancellationToken);
    }

    public Task SaveCursorAsync(WebhookCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(cursor.WebhookId);
        return db.WriteAsync(
            tx =>
            {
                // A cursor only exists for an existing webhook: saving one for a deleted webhook does nothing.
                db.Statement(
                        tx,
                        "INSERT INTO webhook_cursors (webhook_id, delivered, attempts, next_attempt_at, last_error) " +
                        "SELECT @id, @delivered, @attempts, @next, @error WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = @id) " +
                        "ON CONFLICT (webhook_id) DO UPDATE SET delivered = excluded.delivered, attempts = excluded.attempts, " +
                        "next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error")
                    .Bind("@id", cursor.WebhookId)
                    .Bind("@delivered", cursor.Delivered)
                    .Bind("@attempts", cursor.Attempts)
                    .BindInstant("@next", cursor.NextAttemptAt)
                    .Bind("@error", cursor.LastError)
                    .ExecuteNonQuery();
            },
            cancellationToken);
    }
}
