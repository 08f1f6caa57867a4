using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Procedures;
using static SlaGrid.Grains.Tests.Properties.Prop;

namespace SlaGrid.Grains.Tests.Properties;

public sealed class CalendarProperties
{
    [Fact]
    public void WorkingTime_IsAdditive() => ForAll(r =>
    {
        var cal = RandomCalendar(r);
        var xs = new[] { RandomInstant(r, cal), RandomInstant(r, cal), RandomInstant(r, cal) }.Order().ToArray();
        Assert.Equal(cal.WorkingTimeBetween(xs[0], xs[2]), cal.WorkingTimeBetween(xs[0], xs[1]) + cal.WorkingTimeBetween(xs[1], xs[2]));
        Assert.Equal(TimeSpan.Zero, cal.WorkingTimeBetween(xs[2], xs[0]));
    });

    [Fact]
    public void AddWorkingTime_IsTheInverseOfWorkingTimeBetween() => ForAll(r =>
    {
        var cal = RandomCalendar(r);
        var x = RandomInstant(r, cal);
        var span = RandomSpan(r, cal);
        var y = cal.AddWorkingTime(x, span);
        Assert.True(y >= x);
        Assert.Equal(span, cal.WorkingTimeBetween(x, y));
        if (span > TimeSpan.Zero)
        {
            // The result is the earliest such instant: one tick earlier lacks one tick.
            Assert.Equal(span - TimeSpan.FromTicks(1), cal.WorkingTimeBetween(x, y.AddTicks(-1)));
        }

        var z = x + TimeSpan.FromMinutes(r.Next(0, 20_000));
        var back = cal.AddWorkingTime(x, cal.WorkingTimeBetween(x, z));
        Assert.True(back <= z);
        Assert.Equal(TimeSpan.Zero, cal.WorkingTimeBetween(back, z));
    });

    [Fact]
    public void SubtractWorkingTime_IsTheEarliestInstantWithinTheSpan() => ForAll(r =>
    {
        var cal = RandomCalendar(r);
        var end = RandomInstant(r, cal);
        var span = RandomSpan(r, cal);
        var t = cal.SubtractWorkingTime(end, span);
        Assert.True(t <= end);
        Assert.Equal(span, cal.WorkingTimeBetween(t, end));
        Assert.True(cal.WorkingTimeBetween(t.AddTicks(-1), end) > span, $"t = {t:O} is not minimal");
    });

    [Fact]
    public void NormalizeStart_IsTheFirstOfficeInstantAtOrAfter() => ForAll(r =>
    {
        var cal = RandomCalendar(r);
        var x = RandomInstant(r, cal);
        var n = cal.NormalizeStart(x);
        Assert.True(n >= x);
        Assert.True(cal.IsWithinOfficeHours(n));
        Assert.Equal(TimeSpan.Zero, cal.WorkingTimeBetween(x, n));
        Assert.Equal(n, cal.NormalizeStart(n));
    });

    [Fact]
    public void Due_IsNeverBeforeTheClockStart() => ForAll(r =>
    {
        var cal = RandomCalendar(r);
        var x = RandomInstant(r, cal);
        var unit = (LimitUnit)r.Next(3);
        var limit = new ProcedureLimit(unit == LimitUnit.WorkingHours ? r.Next(1, 100) : r.Next(0, 30), unit);
        var start = cal.NormalizeStart(x);
        var due = DueCalculator.ComputeDue(limit, x, cal, new TimeOnly(r.Next(8, 18), 0));
        Assert.True(due >= start, $"{limit}: due {due:O} < start {start:O}");
        Assert.True(cal.IsWorkingDay(VietnamTime.LocalDate(due)));
        if (unit == LimitUnit.WorkingHours)
        {
            Assert.Equal(TimeSpan.FromHours(limit.Value), cal.WorkingTimeBetween(start, due));
        }
        else
        {
            Assert.Equal(cal.EndOfWorkingDay(VietnamTime.LocalDate(due)), due);
        }

        if (unit == LimitUnit.WorkingDays && limit.Value > 0)
        {
            var startDay = VietnamTime.LocalDate(start);
            var dueDay = VietnamTime.LocalDate(due);
            var counted = Enumerable.Range(1, dueDay.DayNumber - startDay.DayNumber).Count(i => cal.IsWorkingDay(startDay.AddDays(i)));
            Assert.Equal(limit.Value, counted);
        }
    });
}
