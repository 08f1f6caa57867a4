using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>The body of <c>POST /api/v1/keys</c>. Wire: <c>{"name","role","unitId"?}</c>.</summary>
/// <param name="Name">What the key is for.</param>
/// <param name="Role">One of <see cref="Roles"/>.</param>
/// <param name="UnitId">Limit the key to this unit's subtree; null (omitted): everything.</param>
public sealed record CreateKeyRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitId = null);
