namespace SlaGrid.Grains.Grid;

/// <summary>The alert kinds of the escalation ladder (DOMAIN.md).</summary>
public static class AlertKindNames
{
    /// <summary>The dossier became due soon; to its officer.</summary>
    public const string DueSoon = "due_soon";

    /// <summary>The dossier became overdue; to its unit's leaders.</summary>
    public const string Overdue = "overdue";

    /// <summary>Overdue for more than 2 working days; to the parent unit's leaders.</summary>
    public const string Escalated = "escalated";

    /// <summary>A second reschedule was attempted; to its unit's leaders.</summary>
    public const string RescheduleLimit = "reschedule_limit";

    /// <summary>A second supplement request; to its unit's leaders.</summary>
    public const string SecondSupplement = "second_supplement";

    /// <summary>A unit's late ratio reached its threshold; to the parent unit's leaders.</summary>
    public const string UnitLateRatio = "unit_late_ratio";

    /// <summary>An officer's late ratio passed its threshold; to the leaders of the officer's unit.</summary>
    public const string OfficerLateRatio = "officer_late_ratio";

    /// <summary>The dedup key of an alert: kind and subject.</summary>
    public static string DedupKey(string kind, string subject) => $"{kind}:{subject}";
}
