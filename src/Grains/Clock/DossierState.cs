namespace SlaGrid.Grains.Clock;

/// <summary>
/// A dossier's state as the clock derives it from its accepted events (field names as in
/// <c>GET /api/v1/dossiers/{id}</c>). Instants carry the +07:00 offset. Immutable; the now-dependent answers
/// (<see cref="IsOverdue"/>, <see cref="IsDueSoon"/>, <see cref="Category"/>) take the current instant from the caller's
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed record DossierState
{
    /// <summary>
    /// The smallest step the grid's stores keep (PostgreSQL timestamps are microseconds). Strict boundaries
    /// ("after <c>dueAt</c>") become due instants one step later: see <see cref="OverdueFrom"/>.
    /// </summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMicroseconds(1);

    /// <summary>The dossier id.</summary>
    public required string DossierId { get; init; }

    /// <summary>Status string (<see cref="DossierStatuses"/>).</summary>
    public required string Status { get; init; }

    /// <summary>The <c>at</c> of the first <c>submitted</c>, if any.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The <c>at</c> of the valid <c>received</c>; null before receipt.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Local date of <see cref="ReceivedAt"/>: selects the rule set and the reporting period.</summary>
    public DateOnly? ReceiptDate { get; init; }

    /// <summary>When the clock started: <see cref="ReceivedAt"/> normalized by rule 2.</summary>
    public DateTimeOffset? ClockStartedAt { get; init; }

    /// <summary>The effective due time (after the reschedule, <c>newDueAt</c>; moved by pauses; frozen while paused).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The first due time (rule 3), moved by pauses; unchanged by a reschedule.</summary>
    public DateTimeOffset? OriginalDueAt { get; init; }

    /// <summary>Whether the clock is paused now (open supplement request, or open fee request of a procedure whose fees pause the clock).</summary>
    public bool Paused { get; init; }

    /// <summary>When the current pause began; null when not paused.</summary>
    public DateTimeOffset? PausedSince { get; init; }

    /// <summary>Whether the one allowed <c>rescheduled</c> was accepted.</summary>
    public bool Rescheduled { get; init; }

    /// <summary>Whether the reschedule came after the end of the working day before the due day (rule 6).</summary>
    public bool ApologyLate { get; init; }

    /// <summary>How many <c>supplement_requested</c> were accepted since receipt.</summary>
    public int SupplementRequests { get; init; }

    /// <summary>End of processing (rule 7); null while open.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The outcome once ended; null while open.</summary>
    public DossierOutcome? Outcome { get; init; }

    /// <summary>The accountable unit (rule 10): latest <c>received</c>/<c>assigned</c> naming a unit.</summary>
    public string? UnitId { get; init; }

    /// <summary>The accountable officer (rule 10): latest <c>received</c>/<c>assigned</c> naming an officer.</summary>
    public string? OfficerId { get; init; }

    /// <summary>The procedure code of the receipt.</summary>
    public string? ProcedureCode { get; init; }

    /// <summary>Id of the rule set selected by the receipt date (rule 11).</summary>
    public string? RuleSetId { get; init; }

    /// <summary>
    /// From this instant on (inclusive) the dossier is due soon: <c>SubtractWorkingTime(dueAt, threshold)</c>.
    /// Null when not received, paused or ended.
    /// </summary>
    public DateTimeOffset? DueSoonAt { get; init; }

    /// <summary>
    /// <c>AddWorkingTime(dueAt, EscalateAfterWorkingDays × working-day length)</c> (16 working hours by default):
    /// escalated strictly after this instant. Null when not received, paused or ended.
    /// </summary>
    public DateTimeOffset? EscalateAt { get; init; }

    /// <summary>The latest <c>at</c> among the applied events.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Whether a valid <c>received</c> was applied.</summary>
    public bool IsReceived => ReceivedAt is not null;

    /// <summary>Whether processing ended.</summary>
    public bool IsEnded => FinishedAt is not null;

    /// <summary>Received and not ended.</summary>
    public bool IsOpen => IsReceived && !IsEnded;

    /// <summary>Open and not paused.</summary>
    public bool IsRunning => IsOpen && !Paused;

    /// <summary>The first instant at which <see cref="IsOverdue"/> holds: <c>dueAt + <see cref="Resolution"/></c> (null when not running).</summary>
    public DateTimeOffset? OverdueFrom => IsRunning && DueAt is { } d ? d + Resolution : null;

    /// <summary>The first instant at which <see cref="IsEscalated"/> holds: <c>EscalateAt + <see cref="Resolution"/></c>.</summary>
    public DateTimeOffset? EscalatedFrom => EscalateAt is { } e ? e + Resolution : null;

    /// <summary>Rule 9: open, running, and <paramref name="now"/> &gt; <see cref="DueAt"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsRunning && DueAt is { } due && now > due;

    /// <summary>Rule 8: open, running, not overdue, and <paramref name="now"/> ≥ <see cref="DueSoonAt"/>.</summary>
    public bool IsDueSoon(DateTimeOffset now) => IsRunning && !IsOverdue(now) && DueSoonAt is { } s && now >= s;

    /// <summary>Overdue for more than the escalation working days: open, running, <paramref name="now"/> &gt; <see cref="EscalateAt"/>.</summary>
    public bool IsEscalated(DateTimeOffset now) => IsRunning && EscalateAt is { } e && now > e;

    /// <summary>The dossier's category at <paramref name="now"/>; null when it has not been received (it is not counted).</summary>
    public DossierCategory? Category(DateTimeOffset now)
    {
        if (!IsReceived)
        {
            return null;
        }

        if (IsEnded)
        {
            return (Outcome ?? DossierOutcome.Late).ToCategory();
        }

        if (Paused)
        {
            return DossierCategory.Paused;
        }

        return IsOverdue(now) ? DossierCategory.Overdue : IsDueSoon(now) ? DossierCategory.DueSoon : DossierCategory.Running;
    }

    /// <summary>
    /// The next instant strictly after <paramref name="now"/> at which the category or escalation can change without
    /// a new event (due soon, overdue, escalation); null when none (paused, ended, not received, or all passed).
    /// Register it as the dossier's deadline and re-evaluate when it fires.
    /// </summary>
    public DateTimeOffset? NextCheckAt(DateTimeOffset now)
    {
        if (!IsRunning)
        {
            return null;
        }

        DateTimeOffset? best = null;
        foreach (var t in new[] { DueSoonAt, OverdueFrom, EscalatedFrom })
        {
            if (t is { } v && v > now && (best is null || v < best))
            {
                best = v;
            }
        }

        return best;
    }
}
