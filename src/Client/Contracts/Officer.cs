using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>An officer (cán bộ, công chức): the body items of <c>PUT /api/v1/officers</c>. Wire: <c>{"id","name","unitId"}</c>.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Display name.</param>
/// <param name="UnitId">The unit the officer works in.</param>
public sealed record Officer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unitId")] string UnitId);
