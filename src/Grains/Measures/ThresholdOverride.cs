namespace SlaGrid.Grains.Measures;

/// <summary>A province's own late-ratio thresholds (null: the national default applies).</summary>
/// <param name="UnitLateRatio">A unit is flagged when its late ratio is at or above this.</param>
/// <param name="OfficerLateRatio">An officer is flagged when the late ratio is above this.</param>
public sealed record ThresholdOverride(decimal? UnitLateRatio = null, decimal? OfficerLateRatio = null);
