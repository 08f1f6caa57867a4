using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>One event's result in an <see cref="IngestResponse"/>. Wire: <c>{"eventId","status","error"?:{"code","message"}}</c>.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Status">One of <see cref="IngestStatuses"/>.</param>
/// <param name="Error">Why it was rejected (only with <see cref="IngestStatuses.Rejected"/>; omitted otherwise).</param>
public sealed record IngestResult(
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EventError? Error = null);
