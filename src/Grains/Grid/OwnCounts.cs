using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// The counts of the dossiers a unit or officer is directly accountable for, by receipt day. Open dossiers are
/// kept by id (so repeated or re-ordered "set" messages are idempotent); ended ones only as counts.
/// </summary>
public sealed class OwnCounts
{
    private readonly Dictionary<string, (DateOnly Day, DossierCategory Category)> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, MeasureCounts> _days = [];

    /// <summary>The counts by receipt day.</summary>
    public IReadOnlyDictionary<DateOnly, MeasureCounts> Days => _days;

    /// <summary>All-time totals.</summary>
    public MeasureCounts Total { get; private set; }

    /// <summary>How many open dossiers are tracked.</summary>
    public int OpenCount => _open.Count;

    /// <summary>Applies a dossier's "set" message; returns whether anything changed.</summary>
    public bool Apply(DossierCount message) => Apply(message, null);

    /// <summary>As <see cref="Apply(DossierCount)"/>, adding every day whose counts changed to <paramref name="touched"/>.</summary>
    public bool Apply(DossierCount message, ISet<DateOnly>? touched)
    {
        ArgumentNullException.ThrowIfNull(message);
        var changed = false;
        if (_open.Remove(message.DossierId, out var old))
        {
            if (old.Day == message.Day && old.Category == message.Category)
            {
                _open[message.DossierId] = old;
                return false;
            }

            Add(old.Day, old.Category, -1, touched);
            changed = true;
        }
        else if (message.PreviousFinished is { } previous)
        {
            if (previous == message.Category)
            {
                return false;
            }

            Add(message.Day, previous, -1, touched);
            changed = true;
        }

        if (message.Category is { } category)
        {
            if (category.IsOpen())
            {
                _open[message.DossierId] = (message.Day, category);
            }

            Add(message.Day, category, +1, touched);
            changed = true;
        }

        return changed;
    }

    private static MeasureCounts Move(MeasureCounts counts, DossierCategory category, long delta) =>
        delta > 0 ? counts.Add(category) : counts.Remove(category);

    private void Add(DateOnly day, DossierCategory category, long delta, ISet<DateOnly>? touched)
    {
        touched?.Add(day);
        var updated = Move(_days.GetValueOrDefault(day), category, delta);
        if (updated == MeasureCounts.Zero)
        {
            _days.Remove(day);
        }
        else
        {
            _days[day] = updated;
        }

        Total = Move(Total, category, delta);
    }
}
