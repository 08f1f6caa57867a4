namespace SlaGrid.Grains.Measures;

/// <summary>
/// A reporting period (kỳ báo cáo): local receipt dates <see cref="From"/> to <see cref="To"/>, both inclusive.
/// Monthly periods run from the 15th of the previous month to the 14th; quarters and years follow the same cut-off
/// (Q1 = 15/12 of the previous year to 14/3; the year = 15/12 of the previous year to 14/12).
/// </summary>
/// <param name="From">First receipt date.</param>
/// <param name="To">Last receipt date.</param>
public sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The monthly period containing <paramref name="date"/>: day ≤ 14 → 15th of the previous month to the 14th of this one; else 15th of this month to the 14th of the next.</summary>
    public static ReportingPeriod Containing(DateOnly date)
    {
        var first = date.Day <= 14 ? new DateOnly(date.Year, date.Month, 15).AddMonths(-1) : new DateOnly(date.Year, date.Month, 15);
        return new ReportingPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The period reported as <paramref name="month"/> of <paramref name="year"/>: 15th of the previous month to the 14th.</summary>
    public static ReportingPeriod Month(int year, int month)
    {
        var to = new DateOnly(year, month, 14);
        return new ReportingPeriod(to.AddMonths(-1).AddDays(1), to);
    }

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>, e.g. Q1/2025 = 15/12/2024–14/3/2025.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Quarter not 1–4.</exception>
    public static ReportingPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var to = new DateOnly(year, quarter * 3, 14);
        return new ReportingPeriod(to.AddMonths(-3).AddDays(1), to);
    }

    /// <summary>The reporting year <paramref name="year"/>: 15/12 of the previous year to 14/12.</summary>
    public static ReportingPeriod Year(int year) => new(new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14));

    /// <summary>The reporting year containing <paramref name="date"/> (a date from 15/12 belongs to the next year's period).</summary>
    public static ReportingPeriod YearContaining(DateOnly date) =>
        Year(date.Month == 12 && date.Day >= 15 ? date.Year + 1 : date.Year);

    /// <summary>Whether <paramref name="date"/> is in the period.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
