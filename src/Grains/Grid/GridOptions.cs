using System.ComponentModel.DataAnnotations;
using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Grid;

/// <summary>Policies of the grid (DOMAIN.md "policy" values), with their defaults. Bound from section <c>Grid</c>.</summary>
public sealed class GridOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grid";

    /// <summary>
    /// Late-ratio thresholds with consequences: a unit is flagged at ≥ 10%, an officer above 10% (policy, with
    /// per-province overrides).
    /// </summary>
    public ThresholdPolicy Thresholds { get; set; } = ThresholdPolicy.Default;

    /// <summary>
    /// Unacknowledged <c>overdue</c> alerts are repeated every this many working hours (default 8: one working
    /// day); 0 turns repeats off.
    /// </summary>
    [Range(0, 1000)]
    public int OverdueRepeatWorkingHours { get; set; } = 8;

    /// <summary>Snapshots up the tree are coalesced over this delay (default 10 ms; 0 sends at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RollupCoalesceDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How often a dossier whose last commit had an unknown outcome (the store failed during it) tries to reload
    /// itself from the store until it succeeds (default 1 s; 10 ms to 1 min).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan StaleReloadInterval { get; set; } = TimeSpan.FromSeconds(1);
}
