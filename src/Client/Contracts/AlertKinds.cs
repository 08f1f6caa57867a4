namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="Alert.Kind"/>: the escalation ladder.</summary>
public static class AlertKinds
{
    /// <summary>A dossier became due soon; to the handling officer.</summary>
    public const string DueSoon = "due_soon";

    /// <summary>A dossier became overdue; to the leaders of its unit.</summary>
    public const string Overdue = "overdue";

    /// <summary>A dossier has been overdue for more than the escalation delay; to the leaders of the parent unit.</summary>
    public const string Escalated = "escalated";

    /// <summary>A second <c>rescheduled</c> attempt; to the leaders of the dossier's unit.</summary>
    public const string RescheduleLimit = "reschedule_limit";

    /// <summary>A second supplement request; to the leaders of the dossier's unit.</summary>
    public const string SecondSupplement = "second_supplement";

    /// <summary>A unit's late ratio reached its threshold; to the leaders of the parent unit.</summary>
    public const string UnitLateRatio = "unit_late_ratio";

    /// <summary>An officer's late ratio passed its threshold; to the leaders of the officer's unit.</summary>
    public const string OfficerLateRatio = "officer_late_ratio";

    /// <summary>Every alert kind.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DueSoon, Overdue, Escalated, RescheduleLimit, SecondSupplement, UnitLateRatio, OfficerLateRatio];
}
