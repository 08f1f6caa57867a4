using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>An API key as listed (never the secret): the items of <c>GET /api/v1/keys</c>. Wire: <c>{"id","name","role","unitId","createdAt","revokedAt"}</c>.</summary>
/// <param name="Id">Public id.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="UnitId">The unit scope; null: everything.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while active.</param>
public sealed record KeyInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitId,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("revokedAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? RevokedAt);
