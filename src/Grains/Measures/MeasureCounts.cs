using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Measures;

/// <summary>
/// Dossier counts of a unit (subtree), officer or any set of dossiers received in a period (Decision 766 measures).
/// <see cref="Open"/> = running + <see cref="DueSoon"/> + <see cref="Overdue"/> + <see cref="Paused"/>;
/// <see cref="Received"/> = <see cref="Open"/> + the three finished counts. Counts of disjoint sets add; ratios of a
/// union are computed from the summed counts (pooled), never averaged.
/// </summary>
/// <param name="Received">Dossiers received.</param>
/// <param name="Open">Not ended.</param>
/// <param name="Overdue">Open, running, past due.</param>
/// <param name="DueSoon">Open, running, due soon.</param>
/// <param name="Paused">Open, paused.</param>
/// <param name="FinishedEarly">Ended early.</param>
/// <param name="FinishedOnTime">Ended on time.</param>
/// <param name="FinishedLate">Ended late.</param>
public readonly record struct MeasureCounts(
    long Received,
    long Open,
    long Overdue,
    long DueSoon,
    long Paused,
    long FinishedEarly,
    long FinishedOnTime,
    long FinishedLate)
{
    /// <summary>All zero.</summary>
    public static MeasureCounts Zero => default;

    /// <summary>Open dossiers neither overdue, due soon nor paused.</summary>
    public long Running => Open - Overdue - DueSoon - Paused;

    /// <summary>
    /// On-time ratio = (finishedEarly + finishedOnTime + open − overdue) / received; 0 when received = 0.
    /// The index's progress score is this × 20.
    /// </summary>
    public double OnTimeRatio => Received == 0 ? 0d : (double)(FinishedEarly + FinishedOnTime + Open - Overdue) / Received;

    /// <summary>Late ratio = (finishedLate + overdue) / received; 0 when received = 0.</summary>
    public double LateRatio => Received == 0 ? 0d : (double)(FinishedLate + Overdue) / Received;

    /// <summary>The numerator of <see cref="LateRatio"/>: finishedLate + overdue.</summary>
    public long Late => FinishedLate + Overdue;

    /// <summary>Whether the counts are consistent: non-negative, open split and received split add up.</summary>
    public bool IsConsistent =>
        Received >= 0 && Open >= 0 && Overdue >= 0 && DueSoon >= 0 && Paused >= 0 && FinishedEarly >= 0 && FinishedOnTime >= 0 && FinishedLate >= 0
        && Running >= 0 && Received == Open + FinishedEarly + FinishedOnTime + FinishedLate;

    /// <summary>The counts of one dossier in <paramref name="category"/>.</summary>
    public static MeasureCounts Of(DossierCategory category) => category switch
    {
        DossierCategory.Running => new(1, 1, 0, 0, 0, 0, 0, 0),
        DossierCategory.DueSoon => new(1, 1, 0, 1, 0, 0, 0, 0),
        DossierCategory.Overdue => new(1, 1, 1, 0, 0, 0, 0, 0),
        DossierCategory.Paused => new(1, 1, 0, 0, 1, 0, 0, 0),
        DossierCategory.FinishedEarly => new(1, 0, 0, 0, 0, 1, 0, 0),
        DossierCategory.FinishedOnTime => new(1, 0, 0, 0, 0, 0, 1, 0),
        DossierCategory.FinishedLate => new(1, 0, 0, 0, 0, 0, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>The counts of dossiers with these categories.</summary>
    public static MeasureCounts FromCategories(IEnumerable<DossierCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var sum = Zero;
        foreach (var c in categories)
        {
            sum += Of(c);
        }

        return sum;
    }

    /// <summary>The pooled counts of several disjoint sets.</summary>
    public static MeasureCounts Sum(IEnumerable<MeasureCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var sum = Zero;
        foreach (var c in counts)
        {
            sum += c;
        }

        return sum;
    }

    /// <summary>These counts with one dossier of <paramref name="category"/> added.</summary>
    public MeasureCounts Add(DossierCategory category) => this + Of(category);

    /// <summary>These counts with one dossier of <paramref name="category"/> removed.</summary>
    public MeasureCounts Remove(DossierCategory category) => this - Of(category);

    /// <summary>
    /// These counts after one dossier moved from <paramref name="from"/> to <paramref name="to"/> (null: not counted,
    /// e.g. not yet received or outside the period).
    /// </summary>
    public MeasureCounts Move(DossierCategory? from, DossierCategory? to)
    {
        var r = this;
        if (from is { } f)
        {
            r -= Of(f);
        }

        if (to is { } t)
        {
            r += Of(t);
        }

        return r;
    }

    /// <summary>Field-wise sum.</summary>
    public static MeasureCounts operator +(MeasureCounts a, MeasureCounts b) => new(
        a.Received + b.Received, a.Open + b.Open, a.Overdue + b.Overdue, a.DueSoon + b.DueSoon, a.Paused + b.Paused,
        a.FinishedEarly + b.FinishedEarly, a.FinishedOnTime + b.FinishedOnTime, a.FinishedLate + b.FinishedLate);

    /// <summary>Field-wise difference.</summary>
    public static MeasureCounts operator -(MeasureCounts a, MeasureCounts b) => new(
        a.Received - b.Received, a.Open - b.Open, a.Overdue - b.Overdue, a.DueSoon - b.DueSoon, a.Paused - b.Paused,
        a.FinishedEarly - b.FinishedEarly, a.FinishedOnTime - b.FinishedOnTime, a.FinishedLate - b.FinishedLate);

    /// <summary>Field-wise sum (named alternative to <c>+</c>).</summary>
    public static MeasureCounts Add(MeasureCounts left, MeasureCounts right) => left + right;

    /// <summary>Field-wise difference (named alternative to <c>-</c>).</summary>
    public static MeasureCounts Subtract(MeasureCounts left, MeasureCounts right) => left - right;

    /// <summary>From the store's recount.</summary>
    public static MeasureCounts FromDossierCounts(DossierCounts c) =>
        new(c.Received, c.Open, c.Overdue, c.DueSoon, c.Paused, c.FinishedEarly, c.FinishedOnTime, c.FinishedLate);

    /// <summary>To the store's recount shape.</summary>
    public DossierCounts ToDossierCounts() =>
        new(Received, Open, Overdue, DueSoon, Paused, FinishedEarly, FinishedOnTime, FinishedLate);
}
