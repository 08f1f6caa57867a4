namespace SlaGrid.Grains.Persistence;

/// <summary>Units, officers, procedures and the calendar: upserted by administrators, read at activation.</summary>
public interface IReferenceStore
{
    /// <summary>Inserts or replaces the given units (by id), in one transaction.</summary>
    Task UpsertUnitsAsync(IReadOnlyList<UnitRecord> units, CancellationToken cancellationToken);

    /// <summary>All units.</summary>
    Task<IReadOnlyList<UnitRecord>> GetUnitsAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the given officers (by id), in one transaction.</summary>
    Task UpsertOfficersAsync(IReadOnlyList<OfficerRecord> officers, CancellationToken cancellationToken);

    /// <summary>All officers.</summary>
    Task<IReadOnlyList<OfficerRecord>> GetOfficersAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the given procedures (by code), in one transaction.</summary>
    Task UpsertProceduresAsync(IReadOnlyList<ProcedureRecord> procedures, CancellationToken cancellationToken);

    /// <summary>All procedures.</summary>
    Task<IReadOnlyList<ProcedureRecord>> GetProceduresAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Upserts calendar exceptions by date (a date given again takes the new kind) and, when
    /// <paramref name="officeHours"/> is not null, replaces the default office hours; one transaction.
    /// </summary>
    Task UpsertCalendarAsync(IReadOnlyList<CalendarDayRecord> days, IReadOnlyList<OfficePeriodRecord>? officeHours, CancellationToken cancellationToken);

    /// <summary>The whole stored calendar.</summary>
    Task<CalendarRecord> GetCalendarAsync(CancellationToken cancellationToken);
}
