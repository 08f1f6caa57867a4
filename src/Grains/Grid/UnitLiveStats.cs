using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Grid;

/// <summary>What a unit's live subscribers receive on every published change: its subtree's all-time counts.</summary>
public sealed record UnitLiveStats(string UnitId, MeasureCounts Totals, bool Flagged);
