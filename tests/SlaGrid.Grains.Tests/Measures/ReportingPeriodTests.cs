using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Tests.Measures;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025-03-14", "2025-02-15", "2025-03-14")]
    [InlineData("2025-03-15", "2025-03-15", "2025-04-14")]
    [InlineData("2025-01-10", "2024-12-15", "2025-01-14")]
    [InlineData("2025-12-31", "2025-12-15", "2026-01-14")]
    [InlineData("2024-02-29", "2024-02-15", "2024-03-14")]
    public void Containing_RunsFromThe15thToThe14th(string date, string from, string to)
    {
        var p = ReportingPeriod.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new ReportingPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), p);
        Assert.True(p.Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Quarter1_2025_Is15December2024To14March2025() =>
        Assert.Equal(new ReportingPeriod(new DateOnly(2024, 12, 15), new DateOnly(2025, 3, 14)), ReportingPeriod.Quarter(2025, 1));

    [Fact]
    public void MonthAndYear()
    {
        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 14)), ReportingPeriod.Month(2026, 3));
        Assert.Equal(new ReportingPeriod(new DateOnly(2025, 12, 15), new DateOnly(2026, 12, 14)), ReportingPeriod.Year(2026));
        Assert.Equal(ReportingPeriod.Year(2027), ReportingPeriod.YearContaining(new DateOnly(2026, 12, 15)));
        Assert.Equal(ReportingPeriod.Year(2026), ReportingPeriod.YearContaining(new DateOnly(2026, 12, 14)));
    }
}
