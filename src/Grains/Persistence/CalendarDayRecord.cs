namespace SlaGrid.Grains.Persistence;

/// <summary>A calendar exception: a holiday (<paramref name="Working"/> false) or a make-up working day (true).</summary>
public sealed record CalendarDayRecord(DateOnly Date, bool Working, string? Note);
