using System.Collections.Immutable;
using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// A unit's subtree counts per receipt day (its own dossiers plus the latest snapshot of each child), kept up to date
/// incrementally: a change marks the days it touched, and <see cref="Materialize"/> recomputes only those days (own
/// plus each child, looked up) into the previous immutable map, which shares the rest. A publish therefore costs the
/// days that changed times the children, not every day of every child. Not thread-safe: the grain's turn owns it.
/// </summary>
public sealed class SubtreeDays
{
    private readonly HashSet<DateOnly> _touched = [];
    private ImmutableSortedDictionary<DateOnly, MeasureCounts> _days = ImmutableSortedDictionary<DateOnly, MeasureCounts>.Empty;
    private bool _rebuilt = true;
    private MeasureCounts _total;
    private (DateOnly From, DateOnly To)? _range;
    private MeasureCounts _rangeTotal;

    /// <summary>
    /// The days the last <see cref="Materialize"/> recomputed (every day whose counts may have changed since the
    /// materialization before it); null after a <see cref="Rebuild"/>, when that is unknown.
    /// </summary>
    public IReadOnlyCollection<DateOnly>? LastChanged { get; private set; }

    /// <summary>The materialized map's total over all days (kept as days change, not summed again).</summary>
    public MeasureCounts Total => _total;

    /// <summary>
    /// The materialized map's total over the days in [<paramref name="from"/>, <paramref name="to"/>]: summed once
    /// for a range, then kept as days change (the calendar year: asked on every publish).
    /// </summary>
    public MeasureCounts SumWithin(DateOnly from, DateOnly to)
    {
        if (_range != (from, to))
        {
            _range = (from, to);
            _rangeTotal = DayMath.Sum(_days, from, to);
        }

        return _rangeTotal;
    }

    /// <summary>Days whose counts may have changed since the last <see cref="Materialize"/>.</summary>
    public ISet<DateOnly> Touched => _touched;

    /// <summary>Marks every day on which <paramref name="before"/> and <paramref name="after"/> differ (null: no days).</summary>
    public void TouchDifferences(IEnumerable<KeyValuePair<DateOnly, MeasureCounts>>? before, IEnumerable<KeyValuePair<DateOnly, MeasureCounts>>? after)
    {
        // Both are sorted by day (snapshots carry ImmutableSortedDictionary): one merge pass.
        using var a = (before ?? []).GetEnumerator();
        using var b = (after ?? []).GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            var cmp = !hasA ? 1 : !hasB ? -1 : a.Current.Key.CompareTo(b.Current.Key);
            if (cmp < 0)
            {
                _touched.Add(a.Current.Key);
                hasA = a.MoveNext();
            }
            else if (cmp > 0)
            {
                _touched.Add(b.Current.Key);
                hasB = b.MoveNext();
            }
            else
            {
                if (a.Current.Value != b.Current.Value)
                {
                    _touched.Add(a.Current.Key);
                }

                hasA = a.MoveNext();
                hasB = b.MoveNext();
            }
        }
    }

    /// <summary>Recomputes every day from scratch (activation, a change of children).</summary>
    public ImmutableSortedDictionary<DateOnly, MeasureCounts> Rebuild(IReadOnlyDictionary<DateOnly, MeasureCounts> own, IEnumerable<UnitSnapshot> children)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(children);
        var days = new Dictionary<DateOnly, MeasureCounts>(own);
        foreach (var child in children)
        {
            DayMath.AddInto(days, child.Days);
        }

        _touched.Clear();
        _rebuilt = true;
        _days = DayMath.Freeze(days);
        _total = DayMath.Sum(_days, null, null);
        _range = null;
        return _days;
    }

    /// <summary>The current map: the touched days recomputed from <paramref name="own"/> and <paramref name="children"/>.</summary>
    public ImmutableSortedDictionary<DateOnly, MeasureCounts> Materialize(IReadOnlyDictionary<DateOnly, MeasureCounts> own, IReadOnlyCollection<UnitSnapshot> children)
    {
        var next = Peek(own, children);
        foreach (var day in _touched)
        {
            var delta = next.GetValueOrDefault(day) - _days.GetValueOrDefault(day);
            _total += delta;
            if (_range is { } range && day >= range.From && day <= range.To)
            {
                _rangeTotal += delta;
            }
        }

        LastChanged = _rebuilt ? null : [.. _touched];
        _rebuilt = false;
        _touched.Clear();
        return _days = next;
    }

    /// <summary>The current map, as <see cref="Materialize"/> returns it, changing nothing (safe for concurrent readers).</summary>
    public ImmutableSortedDictionary<DateOnly, MeasureCounts> Peek(IReadOnlyDictionary<DateOnly, MeasureCounts> own, IReadOnlyCollection<UnitSnapshot> children)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(children);
        if (_touched.Count == 0)
        {
            return _days;
        }

        var builder = _days.ToBuilder();
        foreach (var day in _touched)
        {
            var total = own.GetValueOrDefault(day);
            foreach (var child in children)
            {
                total += child.Days.GetValueOrDefault(day);
            }

            if (total == MeasureCounts.Zero)
            {
                builder.Remove(day);
            }
            else
            {
                builder[day] = total;
            }
        }

        return builder.ToImmutable();
    }
}
