namespace SlaGrid.Client.Sse;

/// <summary>One dispatched server-sent event.</summary>
/// <param name="EventType">The <c>event:</c> field, <c>message</c> when none was given.</param>
/// <param name="Data">The <c>data:</c> lines joined with LF.</param>
/// <param name="LastEventId">The last event id buffer at dispatch (empty when none was ever set).</param>
internal sealed record SseMessage(string EventType, string Data, string LastEventId);
