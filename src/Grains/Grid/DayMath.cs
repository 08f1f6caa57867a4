using System.Collections.Immutable;

namespace SlaGrid.Grains.Grid;

/// <summary>Sums and merges of per-receipt-day counts.</summary>
public static class DayMath
{
    /// <summary>The sum over days in [from, to] (null bounds: open-ended).</summary>
    public static CategoryVector Sum(IEnumerable<KeyValuePair<DateOnly, CategoryVector>> days, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(days);
        var total = default(CategoryVector);
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
    public static void AddInto(Dictionary<DateOnly, CategoryVector> target, IEnumerable<KeyValuePair<DateOnly, CategoryVector>> source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (day, counts) in source)
        {
            target[day] = target.GetValueOrDefault(day) + counts;
        }
    }

    /// <summary>An immutable copy without empty days.</summary>
    public static ImmutableSortedDictionary<DateOnly, CategoryVector> Freeze(Dictionary<DateOnly, CategoryVector> days) =>
        days.Where(d => !d.Value.IsEmpty).ToImmutableSortedDictionary();
}
