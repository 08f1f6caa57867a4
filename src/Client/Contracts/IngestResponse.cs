using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>The answer of <c>POST /api/v1/events</c> (200): one result per event, in the order sent. Wire: <c>{"results":[...]}</c>.</summary>
/// <param name="Results">The per-event results, in the order of the request.</param>
public sealed record IngestResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<IngestResult> Results);
