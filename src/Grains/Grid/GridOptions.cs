using System.ComponentModel.DataAnnotations;

namespace SlaGrid.Grains.Grid;

/// <summary>Policies of the grid (DOMAIN.md "policy" values), with their defaults. Bound from section <c>Grid</c>.</summary>
public sealed class GridOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grid";

    /// <summary>A unit is flagged when its late ratio reaches this (≥; default 0.10).</summary>
    [Range(0.0, 1.0)]
    public double UnitLateRatioThreshold { get; set; } = 0.10;

    /// <summary>An officer is flagged when their late ratio passes this (&gt;; default 0.10).</summary>
    [Range(0.0, 1.0)]
    public double OfficerLateRatioThreshold { get; set; } = 0.10;

    /// <summary>Per-province overrides of the two thresholds, by province unit id.</summary>
    public Dictionary<string, ProvinceThresholds> Provinces { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Unacknowledged <c>overdue</c> alerts are repeated every this many working hours (default 8: one working
    /// day); 0 turns repeats off.
    /// </summary>
    [Range(0, 1000)]
    public int OverdueRepeatWorkingHours { get; set; } = 8;

    /// <summary>Snapshots up the tree are coalesced over this delay (default 10 ms; 0 sends at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RollupCoalesceDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The unit late-ratio threshold for a province.</summary>
    public double UnitThresholdFor(string province) =>
        Provinces.TryGetValue(province, out var p) && p.UnitLateRatioThreshold is { } t ? t : UnitLateRatioThreshold;

    /// <summary>The officer late-ratio threshold for a province.</summary>
    public double OfficerThresholdFor(string province) =>
        Provinces.TryGetValue(province, out var p) && p.OfficerLateRatioThreshold is { } t ? t : OfficerLateRatioThreshold;
}
