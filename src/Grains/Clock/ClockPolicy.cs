using SlaGrid.Grains.Calendar;

namespace SlaGrid.Grains.Clock;

/// <summary>
/// The policy values of the clock (DOMAIN.md "policy"), with the defaults named there. Each rule set
/// (<see cref="Rules.RuleSet"/>) carries its own instance. Call <see cref="Validate"/> at start.
/// </summary>
public sealed record ClockPolicy
{
    /// <summary>All defaults.</summary>
    public static ClockPolicy Default { get; } = new();

    /// <summary>Rule 8: due soon when the remaining working time is at most this. Default 8 working hours (one working day).</summary>
    public TimeSpan DueSoonThreshold { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Rule 3, same-day procedures: a clock started strictly before this local time is due 17:00 the same day. Default 15:00.</summary>
    public TimeOnly SameDayCutoff { get; init; } = new(15, 0);

    /// <summary>Rule 5: a dossier asked for supplements twice or more ends late whatever its times. Default true.</summary>
    public bool SecondSupplementCountsLate { get; init; } = true;

    /// <summary>Rule 6: a rescheduled dossier is judged against <c>originalDueAt</c> (true) or the new <c>dueAt</c> (false). Default true.</summary>
    public bool RescheduleCountsLate { get; init; } = true;

    /// <summary>Escalation: overdue for more than this many working days (of the unit's day length). Default 2.</summary>
    public int EscalateAfterWorkingDays { get; init; } = 2;

    /// <summary>Rule 1: whether Saturdays count as working days (default for units without their own schedule). Default false.</summary>
    public bool CountSaturdays { get; init; }

    /// <summary>Rule 1: office hours (default for units without their own schedule). Default 08:00–12:00, 13:00–17:00.</summary>
    public IReadOnlyList<OfficePeriod> OfficeHours { get; init; } = OfficeSchedule.Default.OfficeHours;

    /// <summary>The office schedule these values make.</summary>
    public OfficeSchedule Schedule => new() { OfficeHours = OfficeHours, CountSaturdays = CountSaturdays };

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public void Validate()
    {
        if (DueSoonThreshold < TimeSpan.Zero)
        {
            throw new ArgumentException("DueSoonThreshold must not be negative.", nameof(DueSoonThreshold));
        }

        if (EscalateAfterWorkingDays < 0)
        {
            throw new ArgumentException("EscalateAfterWorkingDays must not be negative.", nameof(EscalateAfterWorkingDays));
        }

        Schedule.Validate();
    }
}
