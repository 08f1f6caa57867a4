namespace SlaGrid.Grains.Persistence;

/// <summary>
/// A webhook's delivery progress through the alert outbox: everything up to <paramref name="Delivered"/> is done;
/// the next entry has failed <paramref name="Attempts"/> times and is due again at <paramref name="NextAttemptAt"/>.
/// </summary>
public sealed record WebhookCursor(string WebhookId, long Delivered, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);
