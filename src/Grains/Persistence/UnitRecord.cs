namespace SlaGrid.Grains.Persistence;

/// <summary>A unit (cơ quan, đơn vị) of the administrative tree.</summary>
/// <param name="Id">Stable id (e.g. a commune code).</param>
/// <param name="Name">Display name.</param>
/// <param name="ParentId">The parent unit's id; null at the top (the nation).</param>
/// <param name="Level">Free text level: <c>nation</c>, <c>province</c>, <c>district</c>, <c>commune</c>, <c>department</c>, ...</param>
/// <param name="Leaders">Officer ids of the unit's leaders (alert recipients).</param>
public sealed record UnitRecord(string Id, string Name, string? ParentId, string Level, IReadOnlyList<string> Leaders);
