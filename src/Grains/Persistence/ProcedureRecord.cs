namespace SlaGrid.Grains.Persistence;

/// <summary>An administrative procedure (TTHC) and its legal time limit.</summary>
/// <param name="Code">Procedure code (mã TTHC).</param>
/// <param name="Name">Display name.</param>
/// <param name="LimitValue">The limit's amount (0 with <c>working_days</c> means same day).</param>
/// <param name="LimitUnit"><c>working_days</c>, <c>days</c> or <c>working_hours</c>.</param>
/// <param name="FeesPauseClock">Whether the wait for fees pauses the clock.</param>
public sealed record ProcedureRecord(string Code, string Name, int LimitValue, string LimitUnit, bool FeesPauseClock);
