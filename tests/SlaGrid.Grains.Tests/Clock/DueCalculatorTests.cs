using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Procedures;
using static SlaGrid.Grains.Tests.Clock.Fx;

namespace SlaGrid.Grains.Tests.Clock;

public sealed class DueCalculatorTests
{
    private static readonly TimeOnly Cutoff = ClockPolicy.Default.SameDayCutoff;

    [Fact]
    public void WorkingDays_ReceiptFriday1630_HolidayMonday_DueThursday17()
    {
        // Start day Friday 6/3 is not counted; Monday 9/3 is a holiday; Tue (1), Wed (2), Thu (3) → Thu 12/3 17:00.
        var due = DueCalculator.ComputeDue(WD3.Limit, At(3, 6, 16, 30), Cal(D(3, 9)), Cutoff);
        Assert.Equal(At(3, 12, 17), due);
    }

    [Theory]
    [InlineData(7, 10, 0)]  // Saturday → clock starts Monday 08:00 → Mon is the start day → Thu 17:00
    [InlineData(6, 17, 30)] // Friday 17:30 → Monday 08:00
    [InlineData(6, 17, 0)]  // Friday 17:00 (end of office hours) → Monday 08:00
    public void WorkingDays_ReceiptOutsideOfficeHours_CountsFromTheNextWorkingDay(int day, int h, int m) =>
        Assert.Equal(At(3, 12, 17), DueCalculator.ComputeDue(WD3.Limit, At(3, day, h, m), Cal(), Cutoff));

    [Fact]
    public void WorkingDays_ReceiptOnHoliday_StartsNextWorkingDay()
    {
        // Holiday Monday 9/3: start Tue 10/3 08:00; Wed, Thu, Fri → Fri 13/3 17:00.
        Assert.Equal(At(3, 13, 17), DueCalculator.ComputeDue(WD3.Limit, At(3, 9, 10), Cal(D(3, 9)), Cutoff));
    }

    [Fact]
    public void WorkingDays_ReceiptAtLunch_StaysOnTheSameStartDay() =>
        Assert.Equal(At(3, 5, 17), DueCalculator.ComputeDue(WD3.Limit, At(3, 2, 12, 30), Cal(), Cutoff));

    [Theory]
    [InlineData(14, 59, 6)] // before the cutoff: same day
    [InlineData(15, 0, 9)]  // at the cutoff: not before it → next working day (Monday)
    [InlineData(15, 1, 9)]
    public void SameDay_CutoffAt15(int h, int m, int dueDay) =>
        Assert.Equal(At(3, dueDay, 17), DueCalculator.ComputeDue(SameDay.Limit, At(3, 6, h, m), Cal(), Cutoff));

    [Fact]
    public void SameDay_ReceiptAfterHours_StartsNextMorning_SoSameDayAsStart() =>
        // Friday 17:30 → clock starts Monday 08:00, before the cutoff → Monday 17:00.
        Assert.Equal(At(3, 9, 17), DueCalculator.ComputeDue(SameDay.Limit, At(3, 6, 17, 30), Cal(), Cutoff));

    [Fact]
    public void Days_LandingOnSunday_MovesToMonday17()
    {
        // Wednesday 4/3 + 4 = Sunday 8/3 → Monday 9/3 17:00.
        Assert.Equal(At(3, 9, 17), DueCalculator.ComputeDue(Days4.Limit, At(3, 4, 10), Cal(), Cutoff));
        // …and with Monday a holiday, Tuesday.
        Assert.Equal(At(3, 10, 17), DueCalculator.ComputeDue(Days4.Limit, At(3, 4, 10), Cal(D(3, 9)), Cutoff));
        // Landing on a working day: that day.
        Assert.Equal(At(3, 6, 17), DueCalculator.ComputeDue(new ProcedureLimit(2, LimitUnit.Days), At(3, 4, 10), Cal(), Cutoff));
    }

    [Fact]
    public void WorkingHours_CrossLunchAndNights()
    {
        Assert.Equal(At(3, 3, 16), DueCalculator.ComputeDue(Hours4.Limit, At(3, 3, 11), Cal(), Cutoff));
        Assert.Equal(At(3, 3, 17), DueCalculator.ComputeDue(Hours4.Limit, At(3, 3, 13), Cal(), Cutoff));
        Assert.Equal(At(3, 4, 9), DueCalculator.ComputeDue(Hours4.Limit, At(3, 3, 14), Cal(), Cutoff));
        Assert.Equal(At(3, 10, 9), DueCalculator.ComputeDue(Hours4.Limit, At(3, 6, 14), Cal(D(3, 9)), Cutoff));
        // Receipt at 12:30: the clock starts at 13:00.
        Assert.Equal(At(3, 3, 17), DueCalculator.ComputeDue(Hours4.Limit, At(3, 3, 12, 30), Cal(), Cutoff));
    }

    [Theory]
    [InlineData("working_days", LimitUnit.WorkingDays)]
    [InlineData("days", LimitUnit.Days)]
    [InlineData("working_hours", LimitUnit.WorkingHours)]
    public void LimitUnits_ParseApiStringsExactly(string text, LimitUnit unit)
    {
        Assert.Equal(unit, LimitUnits.Parse(text));
        Assert.Equal(text, unit.ToApiString());
    }

    [Theory]
    [InlineData("Working_Days")]
    [InlineData("workingdays")]
    [InlineData("hours")]
    [InlineData("")]
    public void LimitUnits_RejectOtherStrings(string text)
    {
        Assert.False(LimitUnits.TryParse(text, out _));
        Assert.Throws<FormatException>(() => LimitUnits.Parse(text));
    }

    [Fact]
    public void ProcedureLimit_RejectsNegativeAndZeroHours()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureLimit(-1, LimitUnit.WorkingDays));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureLimit(0, LimitUnit.WorkingHours));
    }
}
