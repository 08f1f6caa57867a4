namespace SlaGrid.Grains.Clock;

/// <summary>The result of replaying a dossier's events: the final state and each event in applied order.</summary>
/// <param name="State">The state after every applicable event.</param>
/// <param name="Entries">The events in (At, Sequence) order, each with its error if it could not be applied.</param>
public sealed record DossierTimeline(DossierState State, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>Whether every event applied (true for a log built by <see cref="DossierClock.TryApply"/>).</summary>
    public bool IsConsistent => Entries.All(e => e.Applied);
}
