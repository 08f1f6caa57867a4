using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Grains.Tests.Clock.Fx;

namespace SlaGrid.Grains.Tests.Calendar;

public sealed class CalendarDataTests
{
    [Fact]
    public void EmbeddedVietnamData_Loads_With2025And2026()
    {
        var data = CalendarData.Vietnam;
        Assert.Contains(2025, data.Years);
        Assert.Contains(2026, data.Years);
        Assert.All(data.Days, d => Assert.Contains(d.Confidence, new[] { "high", "medium", "low" }));
        Assert.All(data.Days, d => Assert.False(string.IsNullOrWhiteSpace(d.Source)));
    }

    [Fact]
    public void Tet2026_Runs14To22February_AndWorkResumesOn23()
    {
        var cal = new WorkingCalendar(CalendarData.Vietnam);
        for (var day = 14; day <= 22; day++)
        {
            Assert.False(cal.IsWorkingDay(D(2, day)), $"{day}/2/2026 should be off");
            Assert.True(CalendarData.Vietnam.IsHoliday(D(2, day)), $"{day}/2/2026 should be listed");
        }

        Assert.Equal(DayOfWeek.Saturday, D(2, 14).DayOfWeek);
        Assert.True(cal.IsWorkingDay(D(2, 13)));
        Assert.True(cal.IsWorkingDay(D(2, 23)));
        Assert.Equal(D(2, 23), cal.NextWorkingDay(D(2, 13)));

        // A unit that counts Saturdays is still off on Saturday 14/2 (inside the break).
        var saturdays = new WorkingCalendar(CalendarData.Vietnam, new OfficeSchedule { CountSaturdays = true });
        Assert.False(saturdays.IsWorkingDay(D(2, 14)));
        Assert.True(saturdays.IsWorkingDay(D(2, 28)));
    }

    [Fact]
    public void Vietnam2025_HasTheMakeUpSaturdayAndTheBridgeDay()
    {
        var cal = new WorkingCalendar(CalendarData.Vietnam);
        Assert.True(cal.IsWorkingDay(new DateOnly(2025, 4, 26)));   // Saturday worked
        Assert.False(cal.IsWorkingDay(new DateOnly(2025, 5, 2)));   // Friday off
        Assert.False(cal.IsWorkingDay(new DateOnly(2025, 9, 1)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2025, 9, 2)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2025, 4, 7)));   // Hùng Kings
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 4, 27)));  // compensatory day for Sunday 26/4/2026
    }

    [Fact]
    public void FromJson_ParsesDaysAndKinds()
    {
        var data = CalendarData.FromJson("""
            {"years":[{"year":2027,"days":[
              {"date":"2027-01-01","kind":"holiday","name":"New Year","source":"test","confidence":"high"},
              {"date":"2027-01-09","kind":"workday","name":"make-up"}]}]}
            """);
        Assert.True(data.IsHoliday(new DateOnly(2027, 1, 1)));
        Assert.True(data.IsMakeUpWorkday(new DateOnly(2027, 1, 9)));
        Assert.Equal("test", data.Find(new DateOnly(2027, 1, 1))!.Source);
    }

    [Theory]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"2026-01-01","kind":"holiday","name":"x"}]}]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"2027-01-01","kind":"party","name":"x"}]}]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"2027-01-01","kind":"holiday"}]}]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"2027-01-01","kind":"holiday","name":"x"},{"date":"2027-01-01","kind":"workday","name":"y"}]}]}""")]
    [InlineData("""{"years":[{"year":2027,"days":[{"date":"1/1/2027","kind":"holiday","name":"x"}]}]}""")]
    [InlineData("""{"days":[]}""")]
    [InlineData("""not json""")]
    public void FromJson_RejectsBadData(string json) => Assert.Throws<FormatException>(() => CalendarData.FromJson(json));

    [Fact]
    public void Merge_LaterDataWins_AndWithYearReplacesAYear()
    {
        var a = Holidays(D(3, 9), D(3, 10));
        var b = new CalendarData([new CalendarDay(D(3, 10), CalendarDayKind.MakeUpWorkday, "swap")]);
        var merged = a.Merge(b);
        Assert.True(merged.IsHoliday(D(3, 9)));
        Assert.True(merged.IsMakeUpWorkday(D(3, 10)));
        var replaced = CalendarData.Vietnam.WithYear(2026, [new CalendarDay(D(5, 5), CalendarDayKind.Holiday, "only")]);
        Assert.False(replaced.IsHoliday(D(2, 17)));
        Assert.True(replaced.IsHoliday(D(5, 5)));
        Assert.True(replaced.IsHoliday(new DateOnly(2025, 9, 2)));
    }

    [Fact]
    public void FromRecords_MapsWorkingFlag()
    {
        var data = CalendarData.FromRecords([new CalendarDayRecord(D(3, 9), false, "h"), new CalendarDayRecord(D(3, 14), true, null)]);
        Assert.True(data.IsHoliday(D(3, 9)));
        Assert.True(data.IsMakeUpWorkday(D(3, 14)));
    }
}
