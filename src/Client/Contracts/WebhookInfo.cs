using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>A registered webhook as answers show it (never the secret): the items of <c>GET /api/v1/webhooks</c>. Wire: <c>{"id","url","unitId"}</c>.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Url">Where alert events are POSTed.</param>
/// <param name="UnitId">The subtree filter; null: all units.</param>
public sealed record WebhookInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitId);
