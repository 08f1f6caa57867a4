namespace SlaGrid.Grains.Clock;

/// <summary>One event of a replay, in applied order, with the error that kept it from applying (null: applied).</summary>
/// <param name="Event">The event.</param>
/// <param name="Error">Why it was skipped, or null.</param>
public sealed record TimelineEntry(DossierEvent Event, ClockError? Error)
{
    /// <summary>Whether the event was applied.</summary>
    public bool Applied => Error is null;
}
