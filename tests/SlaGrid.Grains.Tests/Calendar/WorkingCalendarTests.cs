using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Tests.Clock;
using static SlaGrid.Grains.Tests.Clock.Fx;

namespace SlaGrid.Grains.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _cal = Cal(D(3, 9)); // Monday 9/3/2026 is a holiday

    [Fact]
    public void WeekendsAndHolidays_AreNotWorkingDays_MakeUpSaturdayIs()
    {
        var data = new CalendarData([new CalendarDay(D(3, 9), CalendarDayKind.Holiday, "h"), new CalendarDay(D(3, 14), CalendarDayKind.MakeUpWorkday, "m")]);
        var cal = new WorkingCalendar(data);
        Assert.True(cal.IsWorkingDay(D(3, 6)));   // Friday
        Assert.False(cal.IsWorkingDay(D(3, 7)));  // Saturday
        Assert.False(cal.IsWorkingDay(D(3, 8)));  // Sunday
        Assert.False(cal.IsWorkingDay(D(3, 9)));  // holiday Monday
        Assert.True(cal.IsWorkingDay(D(3, 14)));  // make-up Saturday
        Assert.False(cal.IsWorkingDay(D(3, 21))); // ordinary Saturday
    }

    [Fact]
    public void CountSaturdays_MakesSaturdaysWorking_ButNotHolidaySaturdays()
    {
        var data = Holidays(D(3, 14));
        var cal = new WorkingCalendar(data, new OfficeSchedule { CountSaturdays = true });
        Assert.True(cal.IsWorkingDay(D(3, 7)));
        Assert.False(cal.IsWorkingDay(D(3, 14)));
        Assert.False(cal.IsWorkingDay(D(3, 8)));
    }

    [Fact]
    public void NextAndPreviousWorkingDay_SkipWeekendAndHoliday()
    {
        Assert.Equal(D(3, 10), _cal.NextWorkingDay(D(3, 6)));
        Assert.Equal(D(3, 6), _cal.PreviousWorkingDay(D(3, 10)));
        Assert.Equal(D(3, 5), _cal.PreviousWorkingDay(D(3, 6)));
    }

    [Fact]
    public void OfficePeriodsOf_WorkingDay_AreMorningAndAfternoon_NonWorkingDay_None()
    {
        var periods = _cal.OfficePeriodsOf(D(3, 6));
        Assert.Equal([new OfficeInterval(At(3, 6, 8), At(3, 6, 12)), new OfficeInterval(At(3, 6, 13), At(3, 6, 17))], periods);
        Assert.Empty(_cal.OfficePeriodsOf(D(3, 9)));
        Assert.Empty(_cal.OfficePeriodsOf(D(3, 7)));
    }

    [Theory]
    [InlineData(6, 10, 0, 6, 10, 0)]   // inside the morning: unchanged
    [InlineData(6, 12, 30, 6, 13, 0)]  // lunch: afternoon start
    [InlineData(6, 12, 0, 6, 13, 0)]   // 12:00 is the end of the morning (half-open): afternoon start
    [InlineData(6, 7, 59, 6, 8, 0)]    // before opening
    [InlineData(6, 17, 0, 10, 8, 0)]   // Friday 17:00: next working day is Tuesday (Monday holiday)
    [InlineData(6, 17, 30, 10, 8, 0)]  // Friday evening
    [InlineData(7, 10, 0, 10, 8, 0)]   // Saturday
    [InlineData(9, 9, 0, 10, 8, 0)]    // holiday
    public void NormalizeStart_MovesToTheNextOfficePeriod(int day, int h, int m, int eDay, int eh, int em) =>
        Assert.Equal(At(3, eDay, eh, em), _cal.NormalizeStart(At(3, day, h, m)));

    [Fact]
    public void NormalizeStart_AcceptsAnyOffset()
    {
        // 02:00 UTC = 09:00 +07:00 on Friday: inside office hours.
        var utc = new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(utc, _cal.NormalizeStart(utc));
        Assert.Equal(VietnamTime.Offset, _cal.NormalizeStart(utc).Offset);
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyOfficeTime()
    {
        Assert.Equal(TimeSpan.FromHours(8), _cal.WorkingTimeBetween(At(3, 5, 8), At(3, 5, 17)));
        Assert.Equal(TimeSpan.FromHours(1), _cal.WorkingTimeBetween(At(3, 5, 11, 30), At(3, 5, 13, 30)));
        // Friday 16:00 → Tuesday 09:00 across weekend and holiday Monday: 1 h + 1 h.
        Assert.Equal(TimeSpan.FromHours(2), _cal.WorkingTimeBetween(At(3, 6, 16), At(3, 10, 9)));
        Assert.Equal(TimeSpan.Zero, _cal.WorkingTimeBetween(At(3, 6, 16), At(3, 6, 15)));
        Assert.Equal(TimeSpan.Zero, _cal.WorkingTimeBetween(At(3, 6, 17), At(3, 10, 8)));
    }

    [Fact]
    public void AddWorkingTime_EndingAtPeriodEnd_GivesThatEnd_NotNextMorning()
    {
        Assert.Equal(At(3, 6, 17), _cal.AddWorkingTime(At(3, 6, 13), TimeSpan.FromHours(4)));
        Assert.Equal(At(3, 6, 12), _cal.AddWorkingTime(At(3, 6, 8), TimeSpan.FromHours(4)));
        Assert.Equal(At(3, 6, 17), _cal.AddWorkingTime(At(3, 6, 8), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void AddWorkingTime_CrossesLunchNightWeekendAndHoliday()
    {
        Assert.Equal(At(3, 5, 16), _cal.AddWorkingTime(At(3, 5, 11), TimeSpan.FromHours(4)));    // 1 h + 3 h after lunch
        Assert.Equal(At(3, 6, 14), _cal.AddWorkingTime(At(3, 5, 11), TimeSpan.FromHours(10)));   // 5 h Thu + 4 h + 1 h Fri
        Assert.Equal(At(3, 10, 9), _cal.AddWorkingTime(At(3, 6, 16), TimeSpan.FromHours(2)));    // Fri 16–17, Tue 08–09
    }

    [Fact]
    public void AddWorkingTime_Zero_IsIdentity_EvenOutsideOfficeHours()
    {
        Assert.Equal(At(3, 7, 22), _cal.AddWorkingTime(At(3, 7, 22), TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => _cal.AddWorkingTime(At(3, 7, 22), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void AddWorkingTime_FromOutsideOfficeHours_StartsAtTheNextPeriod() =>
        Assert.Equal(At(3, 10, 8, 30), _cal.AddWorkingTime(At(3, 6, 18), TimeSpan.FromMinutes(30)));

    [Fact]
    public void SubtractWorkingTime_EightHoursBeforeWednesday17_IsTuesday17()
    {
        var cal = Cal();
        Assert.Equal(At(3, 3, 17), cal.SubtractWorkingTime(At(3, 4, 17), TimeSpan.FromHours(8)));
        Assert.Equal(TimeSpan.FromHours(8), cal.WorkingTimeBetween(At(3, 3, 17), At(3, 4, 17)));
    }

    [Fact]
    public void SubtractWorkingTime_ReturnsTheEarliestInstant()
    {
        var cal = Cal();
        Assert.Equal(At(3, 4, 17), cal.SubtractWorkingTime(At(3, 5, 8), TimeSpan.Zero));       // Thu 08:00 − 0 → Wed 17:00
        Assert.Equal(At(3, 4, 10), cal.SubtractWorkingTime(At(3, 4, 10), TimeSpan.Zero));      // inside a period: itself
        Assert.Equal(At(3, 4, 12), cal.SubtractWorkingTime(At(3, 4, 14), TimeSpan.FromHours(1))); // 13–14, then lunch back to 12:00
        Assert.Equal(At(3, 6, 17), _cal.SubtractWorkingTime(At(3, 10, 9), TimeSpan.FromHours(1))); // back over holiday and weekend
    }

    [Fact]
    public void EndOfWorkingDay_IsTheEndOfTheLastPeriod()
    {
        Assert.Equal(At(3, 6, 17), _cal.EndOfWorkingDay(D(3, 6)));
        var late = new WorkingCalendar(CalendarData.Empty, new OfficeSchedule { OfficeHours = [OfficePeriod.Parse("07:30", "11:30"), OfficePeriod.Parse("13:30", "17:30")] });
        Assert.Equal(At(3, 6, 17, 30), late.EndOfWorkingDay(D(3, 6)));
        Assert.Equal(TimeSpan.FromHours(8), late.WorkingDayLength);
    }

    [Fact]
    public void InvalidSchedule_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarData.Empty, new OfficeSchedule { OfficeHours = [] }));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarData.Empty, new OfficeSchedule { OfficeHours = [OfficePeriod.Parse("13:00", "17:00"), OfficePeriod.Parse("08:00", "12:00")] }));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarData.Empty, new OfficeSchedule { OfficeHours = [OfficePeriod.Parse("12:00", "12:00")] }));
    }
}
