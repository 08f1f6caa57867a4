using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Grid;

/// <summary>Dossier counts by category (every received dossier is in exactly one category).</summary>
public readonly record struct CategoryVector(
    long Running,
    long DueSoon,
    long Overdue,
    long Paused,
    long FinishedEarly,
    long FinishedOnTime,
    long FinishedLate)
{
    /// <summary>All dossiers received.</summary>
    public long Received => Running + DueSoon + Overdue + Paused + FinishedEarly + FinishedOnTime + FinishedLate;

    /// <summary>Dossiers not ended.</summary>
    public long Open => Running + DueSoon + Overdue + Paused;

    /// <summary>Whether every count is zero.</summary>
    public bool IsEmpty => Received == 0 && Running == 0 && DueSoon == 0 && Overdue == 0 && Paused == 0;

    /// <summary>The vector with <paramref name="delta"/> added to one category.</summary>
    public CategoryVector With(DossierCategory category, long delta) => category switch
    {
        DossierCategory.Running => this with { Running = Running + delta },
        DossierCategory.DueSoon => this with { DueSoon = DueSoon + delta },
        DossierCategory.Overdue => this with { Overdue = Overdue + delta },
        DossierCategory.Paused => this with { Paused = Paused + delta },
        DossierCategory.FinishedEarly => this with { FinishedEarly = FinishedEarly + delta },
        DossierCategory.FinishedOnTime => this with { FinishedOnTime = FinishedOnTime + delta },
        DossierCategory.FinishedLate => this with { FinishedLate = FinishedLate + delta },
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>Pooled sum.</summary>
    public static CategoryVector operator +(CategoryVector a, CategoryVector b) => new(
        a.Running + b.Running,
        a.DueSoon + b.DueSoon,
        a.Overdue + b.Overdue,
        a.Paused + b.Paused,
        a.FinishedEarly + b.FinishedEarly,
        a.FinishedOnTime + b.FinishedOnTime,
        a.FinishedLate + b.FinishedLate);

    /// <summary>Named alternative to the + operator.</summary>
    public static CategoryVector Add(CategoryVector left, CategoryVector right) => left + right;

    /// <summary>
    /// On-time ratio of the national index: (finishedEarly + finishedOnTime + open − overdue) / received; 0 when
    /// nothing was received.
    /// </summary>
    public double OnTimeRatio => Received == 0 ? 0 : (double)(FinishedEarly + FinishedOnTime + Open - Overdue) / Received;

    /// <summary>Late ratio: (finishedLate + overdue) / received; 0 when nothing was received.</summary>
    public double LateRatio => Received == 0 ? 0 : (double)(FinishedLate + Overdue) / Received;
}
