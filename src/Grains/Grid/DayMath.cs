using SlaGrid.Grains.Measures;
using System.Collections.Immutable;

namespace SlaGrid.Grains.Grid;

/// <summary>Sums and merges of per-receipt-day counts.</summary>
public static class DayMath
{
    /// <summary>The sum over days in [from, to] (null bounds: open-ended).</summary>
    public static MeasureCounts Sum(IEnumerable<KeyValuePair<DateOnly, MeasureCounts>> days, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(days);
        var total = default(MeasureCounts);
        foreach (var (day, counts) in days)
        {
            if ((from is null || day >= from) && (to is null || day <= to))
            {
                total += counts;
            }
        }

        return total;
    }

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/> day by day.</summary>
    public static void AddInto(Dictionary<DateOnly, MeasureCounts> target, IEnumerable<KeyValuePair<DateOnly, MeasureCounts>> source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (day, counts) in source)
        {
            target[day] = target.GetValueOrDefault(day) + counts;
        }
    }

    /// <summary>An immutable copy without empty days.</summary>
    public static ImmutableSortedDictionary<DateOnly, MeasureCounts> Freeze(Dictionary<DateOnly, MeasureCounts> days) =>
        days.Where(d => d.Value != MeasureCounts.Zero).ToImmutableSortedDictionary();
}
