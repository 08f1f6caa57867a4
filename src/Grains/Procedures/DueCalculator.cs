using SlaGrid.Grains.Calendar;

namespace SlaGrid.Grains.Procedures;

/// <summary>Rule 3: the due time computed from a procedure's limit (when the receipt carries no <c>dueAt</c>).</summary>
public static class DueCalculator
{
    /// <summary>
    /// The due instant for a clock that started at <paramref name="start"/> (normalized here by rule 2 if it is not
    /// already):
    /// <list type="bullet">
    /// <item><c>working_days</c> N ≥ 1: end of office hours (17:00) of the N-th working day after the start day;</item>
    /// <item><c>working_days</c> 0: 17:00 of the start day if the start's local time is before
    /// <paramref name="sameDayCutoff"/> (15:00), else 17:00 of the next working day;</item>
    /// <item><c>days</c> N: 17:00 of the start date + N; when that date is not a working day, 17:00 of the next working day;</item>
    /// <item><c>working_hours</c> N: <see cref="WorkingCalendar.AddWorkingTime"/>(start, N h).</item>
    /// </list>
    /// </summary>
    public static DateTimeOffset ComputeDue(ProcedureLimit limit, DateTimeOffset start, WorkingCalendar calendar, TimeOnly sameDayCutoff)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(calendar);
        var clockStart = calendar.NormalizeStart(start);
        var startDay = VietnamTime.LocalDate(clockStart);
        switch (limit.Unit)
        {
            case LimitUnit.WorkingDays when limit.Value == 0:
                var sameDay = VietnamTime.LocalTimeOfDay(clockStart) < sameDayCutoff;
                return calendar.EndOfWorkingDay(sameDay ? startDay : calendar.NextWorkingDay(startDay));

            case LimitUnit.WorkingDays:
                var day = startDay;
                for (var i = 0; i < limit.Value; i++)
                {
                    day = calendar.NextWorkingDay(day);
                }

                return calendar.EndOfWorkingDay(day);

            case LimitUnit.Days:
                var target = startDay.AddDays(limit.Value);
                return calendar.EndOfWorkingDay(calendar.IsWorkingDay(target) ? target : calendar.NextWorkingDay(target));

            case LimitUnit.WorkingHours:
                return calendar.AddWorkingTime(clockStart, TimeSpan.FromHours(limit.Value));

            default:
                throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown limit unit.");
        }
    }
}
