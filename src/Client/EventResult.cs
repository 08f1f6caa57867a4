using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>The outcome of one event sent through an <see cref="IngestChannel"/>.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Error">The silo's code and message, for <see cref="EventOutcome.Rejected"/>.</param>
/// <param name="Exception">Why no answer could be had, for <see cref="EventOutcome.Failed"/>.</param>
/// <param name="Attempts">How many times its batch was posted.</param>
public sealed record EventResult(string EventId, EventOutcome Outcome, EventError? Error = null, Exception? Exception = null, int Attempts = 1)
{
    /// <summary>Whether the event is in the grid (accepted now or before).</summary>
    public bool Succeeded => Outcome is EventOutcome.Accepted or EventOutcome.Duplicate;
}
