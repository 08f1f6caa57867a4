namespace SlaGrid.Grains.Persistence;

/// <summary>One office period of a working day, local time (e.g. 08:00–12:00).</summary>
public sealed record OfficePeriodRecord(TimeOnly Start, TimeOnly End);
