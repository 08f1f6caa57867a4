using SlaGrid.Grains.Measures;
using System.Collections.Immutable;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// A unit's subtree totals by receipt day, versioned. A parent keeps the latest snapshot per child and ignores older
/// versions, so duplicated, delayed or reordered snapshots cannot corrupt its counts. <paramref name="Detached"/>
/// tells a former parent to drop the child (the unit moved elsewhere in the tree).
/// </summary>
public sealed record UnitSnapshot(string UnitId, long Version, ImmutableSortedDictionary<DateOnly, MeasureCounts> Days, bool Detached = false)
{
    /// <summary>
    /// The version of the snapshot this one follows when <see cref="ChangedDays"/> is known; null otherwise. A parent
    /// that holds exactly that version need only look at <see cref="ChangedDays"/>; any other parent compares all days.
    /// </summary>
    public long? PreviousVersion { get; init; }

    /// <summary>Every day whose counts may differ from the snapshot <see cref="PreviousVersion"/> (null: unknown).</summary>
    public IReadOnlyCollection<DateOnly>? ChangedDays { get; init; }

    /// <summary>The totals over receipt days in [from, to] (null bounds: open-ended).</summary>
    public MeasureCounts Sum(DateOnly? from, DateOnly? to) => DayMath.Sum(Days, from, to);
}
