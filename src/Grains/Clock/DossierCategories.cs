namespace SlaGrid.Grains.Clock;

/// <summary>API strings of <see cref="DossierCategory"/> and small helpers.</summary>
public static class DossierCategories
{
    /// <summary><c>running</c>, <c>due_soon</c>, <c>overdue</c>, <c>paused</c>, <c>finished_early</c>, <c>finished_on_time</c>, <c>finished_late</c>.</summary>
    public static string ToApiString(this DossierCategory category) => category switch
    {
        DossierCategory.Running => "running",
        DossierCategory.DueSoon => "due_soon",
        DossierCategory.Overdue => "overdue",
        DossierCategory.Paused => "paused",
        DossierCategory.FinishedEarly => "finished_early",
        DossierCategory.FinishedOnTime => "finished_on_time",
        DossierCategory.FinishedLate => "finished_late",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>Whether the category is one of the open ones.</summary>
    public static bool IsOpen(this DossierCategory category) => category <= DossierCategory.Paused;

    /// <summary>The finished category of an outcome.</summary>
    public static DossierCategory ToCategory(this DossierOutcome outcome) => outcome switch
    {
        DossierOutcome.Early => DossierCategory.FinishedEarly,
        DossierOutcome.OnTime => DossierCategory.FinishedOnTime,
        _ => DossierCategory.FinishedLate,
    };
}
