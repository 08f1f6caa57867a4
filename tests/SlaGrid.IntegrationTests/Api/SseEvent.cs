using System.Text.Json.Nodes;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>One server-sent event as read off the wire.</summary>
/// <param name="Name">The <c>event:</c> field.</param>
/// <param name="Id">The <c>id:</c> field, if any.</param>
/// <param name="Data">The <c>data:</c> field.</param>
public sealed record SseEvent(string Name, string? Id, string Data)
{
    /// <summary>The data as JSON.</summary>
    public JsonNode Json => JsonNode.Parse(Data)!;
}
