namespace SlaGrid.Grains.Procedures;

/// <summary>The unit of a procedure's legal time limit. API strings: see <see cref="LimitUnits"/>.</summary>
public enum LimitUnit
{
    /// <summary><c>working_days</c>: 17:00 of the N-th working day after the start day; 0 = same day (cutoff rule).</summary>
    WorkingDays,

    /// <summary><c>days</c>: 17:00 of the start date + N calendar days, moved to the next working day if needed.</summary>
    Days,

    /// <summary><c>working_hours</c>: N hours of office time counted from the start.</summary>
    WorkingHours,
}
