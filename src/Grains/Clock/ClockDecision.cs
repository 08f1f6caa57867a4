namespace SlaGrid.Grains.Clock;

/// <summary>The answer of <see cref="DossierClock.TryApply"/>.</summary>
public sealed record ClockDecision
{
    /// <summary>Whether the candidate was accepted.</summary>
    public required bool Accepted { get; init; }

    /// <summary>True when the candidate's EventId is already in the accepted log (nothing changes; answer <c>duplicate</c>).</summary>
    public bool Duplicate { get; init; }

    /// <summary>The rejection (null when accepted or duplicate).</summary>
    public ClockError? Error { get; init; }

    /// <summary>The state after the decision: the new state when accepted, else the unchanged state.</summary>
    public required DossierState State { get; init; }

    /// <summary>The accepted log after the decision, in (At, Sequence) order (the candidate inserted when accepted).</summary>
    public required IReadOnlyList<DossierEvent> Events { get; init; }
}
