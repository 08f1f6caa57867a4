namespace SlaGrid.Grains.Persistence;

/// <summary>One accepted dossier event as the append-only log holds it.</summary>
/// <param name="EventId">The sender's id; unique across the whole store.</param>
/// <param name="DossierId">The dossier it belongs to.</param>
/// <param name="Type">The event type (<c>received</c>, <c>assigned</c>, ...).</param>
/// <param name="At">When it happened (the sender's <c>at</c>).</param>
/// <param name="Payload">The whole event as accepted, JSON.</param>
/// <param name="IngestedAt">When the silo accepted it.</param>
public sealed record StoredEvent(string EventId, string DossierId, string Type, DateTimeOffset At, string Payload, DateTimeOffset IngestedAt);
