namespace SlaGrid.Grains.Grid;

/// <summary>A province's own thresholds (null: the grid default).</summary>
public sealed class ProvinceThresholds
{
    /// <summary>Unit late-ratio threshold (≥).</summary>
    public double? UnitLateRatioThreshold { get; set; }

    /// <summary>Officer late-ratio threshold (&gt;).</summary>
    public double? OfficerLateRatioThreshold { get; set; }
}
