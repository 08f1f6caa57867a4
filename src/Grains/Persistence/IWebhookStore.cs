namespace SlaGrid.Grains.Persistence;

/// <summary>Webhooks and their delivery cursors (so that delivery resumes after a restart).</summary>
public interface IWebhookStore
{
    /// <summary>
    /// Inserts or replaces webhooks by id. A new webhook's cursor starts at <paramref name="startAfterSequence"/>
    /// (it receives what happens from now on); an existing one keeps its cursor.
    /// </summary>
    Task UpsertAsync(IReadOnlyList<WebhookRecord> webhooks, long startAfterSequence, CancellationToken cancellationToken);

    /// <summary>All webhooks.</summary>
    Task<IReadOnlyList<WebhookRecord>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Removes a webhook and its cursor; returns whether it existed.</summary>
    Task<bool> DeleteAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>A webhook's cursor, or null.</summary>
    Task<WebhookCursor?> GetCursorAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Stores a webhook's cursor.</summary>
    Task SaveCursorAsync(WebhookCursor cursor, CancellationToken cancellationToken);
}
