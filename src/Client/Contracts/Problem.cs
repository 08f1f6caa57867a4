using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// An error answer (<c>application/problem+json</c>, RFC 9457) with a stable machine <c>code</c>.
/// Wire: <c>{"type","title","status","detail","code","instance"?,"errors"?}</c>.
/// </summary>
/// <param name="Type">A URI naming the problem type.</param>
/// <param name="Title">A short summary for people.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">An explanation of this occurrence (always written, null included).</param>
/// <param name="Code">The stable machine code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Instance">The request path, where useful (omitted when null).</param>
/// <param name="Errors">Field name to messages, for validation problems (omitted when null).</param>
public sealed record Problem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Detail,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("instance"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance = null,
    [property: JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);
