namespace SlaGrid.Grains.Persistence;

/// <summary>One entry of the alert outbox, in commit order: what happened to which alert.</summary>
/// <param name="Sequence">Increasing position in the outbox (the SSE event id and the webhook cursor).</param>
/// <param name="Event"><c>raised</c>, <c>repeated</c>, <c>acknowledged</c> or <c>resolved</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Alert">The alert as it was right after the change.</param>
public sealed record AlertOutboxEntry(long Sequence, string Event, DateTimeOffset At, AlertRecord Alert);
