namespace SlaGrid.Grains.Ingest;

/// <summary>
/// An event as a sender posted it, after its shape was checked (required fields present, times with offsets,
/// a known type). Whether it makes sense for its dossier is the dossier grain's decision.
/// </summary>
/// <param name="EventId">The sender's id; retries reuse it.</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="Type">The API type string (<c>received</c>, <c>assigned</c>, ...).</param>
/// <param name="At">When it happened.</param>
/// <param name="UnitId">For <c>received</c> (required) and <c>assigned</c>.</param>
/// <param name="OfficerId">For <c>received</c> and <c>assigned</c>.</param>
/// <param name="ProcedureCode">For <c>received</c> (required).</param>
/// <param name="DueAt">For <c>received</c>: the appointment date printed on the receipt.</param>
/// <param name="NewDueAt">For <c>rescheduled</c> (required).</param>
/// <param name="Payload">The event's JSON as posted.</param>
public sealed record IncomingEvent(
    string EventId,
    string DossierId,
    string Type,
    DateTimeOffset At,
    string? UnitId,
    string? OfficerId,
    string? ProcedureCode,
    DateTimeOffset? DueAt,
    DateTimeOffset? NewDueAt,
    string Payload);
