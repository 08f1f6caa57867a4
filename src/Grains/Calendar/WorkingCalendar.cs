namespace SlaGrid.Grains.Calendar;

/// <summary>
/// Working time (rule 1): a working day is Monday–Friday (plus Saturday when the unit counts Saturdays), minus
/// the data's holidays, plus its make-up working days; working time is the office periods of working days,
/// local time +07:00 (<see cref="VietnamTime"/>). All periods are half-open [start, end).
/// Every method is pure and thread-safe. Instants returned carry the +07:00 offset.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>How far (in days) a search for working time goes before the calendar is declared to have none.</summary>
    public const int SearchLimitDays = 36_600;

    private static readonly Lazy<WorkingCalendar> DefaultCalendar = new(() => new WorkingCalendar(CalendarData.Vietnam, OfficeSchedule.Default));
    private static readonly long OffsetTicks = VietnamTime.Offset.Ticks;
    private readonly OfficePeriod[] _periods;

    /// <summary>A calendar over <paramref name="data"/> with a unit's <paramref name="schedule"/> (default: <see cref="OfficeSchedule.Default"/>).</summary>
    /// <exception cref="ArgumentException">The schedule is invalid (see <see cref="OfficeSchedule.Validate"/>).</exception>
    public WorkingCalendar(CalendarData data, OfficeSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        schedule ??= OfficeSchedule.Default;
        schedule.Validate();
        Data = data;
        Schedule = schedule;
        _periods = [.. schedule.OfficeHours];
        WorkingDayLength = TimeSpan.FromTicks(_periods.Sum(p => p.Length.Ticks));
    }

    /// <summary>The embedded Vietnam data with the default schedule.</summary>
    public static WorkingCalendar Default => DefaultCalendar.Value;

    /// <summary>The holidays and make-up days.</summary>
    public CalendarData Data { get; }

    /// <summary>The office hours and the Saturday flag.</summary>
    public OfficeSchedule Schedule { get; }

    /// <summary>The office time of one working day (8 hours by default).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>
    /// Whether <paramref name="date"/> is a working day: a listed holiday never is; a listed make-up day always is;
    /// otherwise Monday–Friday are, Saturday is when <see cref="OfficeSchedule.CountSaturdays"/>, Sunday is not.
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (Data.Find(date) is { } entry)
        {
            return entry.Kind == CalendarDayKind.MakeUpWorkday;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => Schedule.CountSaturdays,
            _ => true,
        };
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No working day within <see cref="SearchLimitDays"/>.</exception>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        for (var i = 1; i <= SearchLimitDays; i++)
        {
            var d = date.AddDays(i);
            if (IsWorkingDay(d))
            {
                return d;
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No working day within <see cref="SearchLimitDays"/>.</exception>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        for (var i = 1; i <= SearchLimitDays; i++)
        {
            var d = date.AddDays(-i);
            if (IsWorkingDay(d))
            {
                return d;
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>The office periods of <paramref name="date"/> as instants; empty when it is not a working day.</summary>
    public IReadOnlyList<OfficeInterval> OfficePeriodsOf(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            return [];
        }

        return [.. _periods.Select(p => new OfficeInterval(VietnamTime.At(date, p.Start), VietnamTime.At(date, p.End)))];
    }

    /// <summary>
    /// The end of the last office period of <paramref name="date"/> (17:00 by default), whether or not the date is a
    /// working day (callers pick a working day first).
    /// </summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly date) => VietnamTime.At(date, _periods[^1].End);

    /// <summary>Whether <paramref name="instant"/> lies inside an office period of a working day.</summary>
    public bool IsWithinOfficeHours(DateTimeOffset instant)
    {
        var t = Local(instant);
        var day = DayOf(t);
        if (!IsWorkingDay(day))
        {
            return false;
        }

        var dayStart = DayStart(day);
        return _periods.Any(p => t >= dayStart + p.Start.Ticks && t < dayStart + p.End.Ticks);
    }

    /// <summary>
    /// Rule 2: the instant itself when it lies inside an office period of a working day; otherwise the start of the
    /// next office period (a receipt at 12:30 starts at 13:00; at 17:00 or 17:30, or on a Saturday or holiday, at
    /// 08:00 of the next working day).
    /// </summary>
    public DateTimeOffset NormalizeStart(DateTimeOffset instant)
    {
        var t = Local(instant);
        var day = DayOf(t);
        for (var i = 0; i <= SearchLimitDays; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var dayStart = DayStart(day);
            foreach (var p in _periods)
            {
                var ps = dayStart + p.Start.Ticks;
                var pe = dayStart + p.End.Ticks;
                if (t < ps)
                {
                    return Instant(ps);
                }

                if (t < pe)
                {
                    return Instant(t);
                }
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>The office time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> ≤ <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = Local(from);
        var b = Local(to);
        if (b <= a)
        {
            return TimeSpan.Zero;
        }

        long total = 0;
        var last = DayOf(b);
        for (var day = DayOf(a); day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var dayStart = DayStart(day);
            foreach (var p in _periods)
            {
                var s = Math.Max(dayStart + p.Start.Ticks, a);
                var e = Math.Min(dayStart + p.End.Ticks, b);
                if (e > s)
                {
                    total += e - s;
                }
            }
        }

        return TimeSpan.FromTicks(total);
    }

    /// <summary>
    /// The instant reached by counting <paramref name="span"/> of office time from <paramref name="start"/>.
    /// <c>AddWorkingTime(x, 0) = x</c>. When the count ends exactly at the end of an office period the result is that
    /// end (17:00), never the start of the next period (08:00 next day).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="span"/> is negative.</exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        if (span == TimeSpan.Zero)
        {
            return start;
        }

        var cursor = Local(start);
        var remaining = span.Ticks;
        var day = DayOf(cursor);
        for (var i = 0; i <= SearchLimitDays; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var dayStart = DayStart(day);
            foreach (var p in _periods)
            {
                var s = Math.Max(dayStart + p.Start.Ticks, cursor);
                var pe = dayStart + p.End.Ticks;
                if (s >= pe)
                {
                    continue;
                }

                var available = pe - s;
                if (remaining <= available)
                {
                    return Instant(s + remaining);
                }

                remaining -= available;
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>
    /// The earliest instant <c>t</c> with <c>WorkingTimeBetween(t, end) ≤ span</c>. For example 8 working hours
    /// before Wednesday 17:00 is Tuesday 17:00 (not Wednesday 08:00); 0 before Thursday 08:00 is Wednesday 17:00.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="span"/> is negative.</exception>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset end, TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        var cursor = Local(end);
        var remaining = span.Ticks;
        var day = DayOf(cursor);
        for (var i = 0; i <= SearchLimitDays; i++, day = day.AddDays(-1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var dayStart = DayStart(day);
            for (var k = _periods.Length - 1; k >= 0; k--)
            {
                var ps = dayStart + _periods[k].Start.Ticks;
                var e = Math.Min(dayStart + _periods[k].End.Ticks, cursor);
                if (e <= ps)
                {
                    continue;
                }

                var available = e - ps;
                if (remaining < available)
                {
                    return Instant(e - remaining);
                }

                remaining -= available;
            }
        }

        throw NoWorkingTime();
    }

    private static long Local(DateTimeOffset instant) => instant.UtcTicks + OffsetTicks;

    private static DateOnly DayOf(long localTicks) => DateOnly.FromDayNumber((int)(localTicks / TimeSpan.TicksPerDay));

    private static long DayStart(DateOnly day) => day.DayNumber * TimeSpan.TicksPerDay;

    private static DateTimeOffset Instant(long localTicks) => new(localTicks, VietnamTime.Offset);

    private static InvalidOperationException NoWorkingTime() =>
        new($"The calendar has no working time within {SearchLimitDays} days.");
}
