namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="ProcedureLimit.Unit"/>.</summary>
public static class LimitUnits
{
    /// <summary>Working days (0: the same day, with the cutoff rule).</summary>
    public const string WorkingDays = "working_days";

    /// <summary>Calendar days, ending at 17:00 on a working day.</summary>
    public const string Days = "days";

    /// <summary>Hours of office time.</summary>
    public const string WorkingHours = "working_hours";

    /// <summary>Every limit unit.</summary>
    public static IReadOnlyList<string> All { get; } = [WorkingDays, Days, WorkingHours];
}
