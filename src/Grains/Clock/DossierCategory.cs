namespace SlaGrid.Grains.Clock;

/// <summary>
/// Where a received dossier counts at an instant: exactly one category. Open = running, due soon, overdue, paused.
/// API strings: <see cref="DossierCategories"/>.
/// </summary>
public enum DossierCategory
{
    /// <summary>Open, running, neither due soon nor overdue.</summary>
    Running,

    /// <summary>Open, running, not overdue, remaining working time ≤ the threshold (rule 8).</summary>
    DueSoon,

    /// <summary>Open, running, now after <c>dueAt</c> (rule 9).</summary>
    Overdue,

    /// <summary>Open and paused (rule 4): neither due soon nor overdue.</summary>
    Paused,

    /// <summary>Ended early.</summary>
    FinishedEarly,

    /// <summary>Ended on time.</summary>
    FinishedOnTime,

    /// <summary>Ended late.</summary>
    FinishedLate,
}
