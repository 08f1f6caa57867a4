using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// A unit (cơ quan, đơn vị) of the administrative tree: the body items of <c>PUT /api/v1/units</c> and the
/// answer items of <c>GET /api/v1/units</c>. Wire: <c>{"id","name","parentId","level","leaders":[officerId]}</c>.
/// </summary>
/// <param name="Id">Stable id (e.g. a commune code).</param>
/// <param name="Name">Display name.</param>
/// <param name="ParentId">The parent unit's id; null at the top (always written, null included).</param>
/// <param name="Level">Free-text level: <c>nation</c>, <c>province</c>, <c>district</c>, <c>commune</c>, <c>department</c>, ...</param>
/// <param name="Leaders">Officer ids of the unit's leaders (alert recipients); missing on input means none.</param>
public sealed record Unit(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parentId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ParentId,
    [property: JsonPropertyName("level")] string Level,
    IReadOnlyList<string>? Leaders = null)
{
    /// <summary>Officer ids of the unit's leaders (alert recipients); never null.</summary>
    [JsonPropertyName("leaders")]
    public IReadOnlyList<string> Leaders { get; init; } = Leaders ?? [];
}
