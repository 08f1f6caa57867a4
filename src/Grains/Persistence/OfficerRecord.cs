namespace SlaGrid.Grains.Persistence;

/// <summary>An officer (cán bộ, công chức) and the unit they belong to.</summary>
public sealed record OfficerRecord(string Id, string Name, string UnitId);
