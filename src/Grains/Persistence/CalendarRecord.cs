namespace SlaGrid.Grains.Persistence;

/// <summary>The stored calendar: its exceptions and, if set, the default office hours.</summary>
public sealed record CalendarRecord(IReadOnlyList<CalendarDayRecord> Days, IReadOnlyList<OfficePeriodRecord>? OfficeHours);
