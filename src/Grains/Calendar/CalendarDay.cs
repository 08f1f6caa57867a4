namespace SlaGrid.Grains.Calendar;

/// <summary>One exception to the weekly pattern: a day off or a make-up working day, with where it comes from.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Kind">Day off or make-up working day.</param>
/// <param name="Name">What the day is (e.g. "Tết Nguyên Đán", "compensatory day for Hùng Kings").</param>
/// <param name="Source">The notice or law it comes from (may be null for days given through the API).</param>
/// <param name="Confidence"><c>high</c>, <c>medium</c> or <c>low</c>: how sure the data is (null when not stated).</param>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string? Source = null, string? Confidence = null);
