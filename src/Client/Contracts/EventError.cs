using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>Why an event was rejected. Wire: <c>{"code","message"}</c>.</summary>
/// <param name="Code">A stable machine code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">A sentence for people.</param>
public sealed record EventError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
