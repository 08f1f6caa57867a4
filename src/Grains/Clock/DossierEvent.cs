namespace SlaGrid.Grains.Clock;

/// <summary>
/// One dossier event as the clock sees it. Events of a dossier are applied in (<see cref="At"/>, <see cref="Sequence"/>)
/// order; give <see cref="Sequence"/> the ingest order (a store serial or per-dossier counter) so ties at the same
/// instant replay in arrival order. Which optional fields a type needs: <see cref="DossierEventValidator"/>.
/// </summary>
/// <param name="EventId">The sender's id, unique.</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="Type">The event type.</param>
/// <param name="At">When it happened (the sender's <c>at</c>).</param>
public sealed record DossierEvent(string EventId, string DossierId, DossierEventType Type, DateTimeOffset At)
{
    /// <summary>Tie-break among events with the same <see cref="At"/>: lower first.</summary>
    public long Sequence { get; init; }

    /// <summary><c>received</c> (required) and <c>assigned</c>: the unit.</summary>
    public string? UnitId { get; init; }

    /// <summary><c>received</c> and <c>assigned</c>: the officer.</summary>
    public string? OfficerId { get; init; }

    /// <summary><c>received</c> (required): the procedure code.</summary>
    public string? ProcedureCode { get; init; }

    /// <summary><c>received</c>: the appointment printed on the receipt; authoritative when present (rule 3).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary><c>rescheduled</c> (required): the new appointment.</summary>
    public DateTimeOffset? NewDueAt { get; init; }
}
