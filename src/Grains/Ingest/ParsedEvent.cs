
namespace SlaGrid.Grains.Ingest;

/// <summary>One element of a posted batch: a well-formed event, or why it is not one.</summary>
/// <param name="EventId">The element's eventId if it had a usable one (echoed in the result).</param>
/// <param name="Event">The event, when its shape is valid.</param>
/// <param name="ErrorCode">The rejection code, when it is not.</param>
/// <param name="ErrorMessage">A human explanation of the rejection.</param>
public sealed record ParsedEvent(string? EventId, IncomingEvent? Event, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>A valid event.</summary>
    public static ParsedEvent Valid(IncomingEvent e) => new(e.EventId, e, null, null);

    /// <summary>A rejected element.</summary>
    public static ParsedEvent Invalid(string? eventId, string code, string message) => new(eventId, null, code, message);
}
