using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Procedures;

/// <summary>An administrative procedure (TTHC) as the clock needs it.</summary>
/// <param name="Code">Procedure code (mã TTHC).</param>
/// <param name="Name">Display name.</param>
/// <param name="Limit">The legal time limit.</param>
/// <param name="FeesPauseClock">Whether waiting for fees (<c>fee_requested</c> → <c>fee_paid</c>) pauses the clock.</param>
public sealed record Procedure(string Code, string Name, ProcedureLimit Limit, bool FeesPauseClock = false)
{
    /// <summary>From the store's record.</summary>
    /// <exception cref="FormatException">The stored unit is not an API unit string.</exception>
    public static Procedure FromRecord(ProcedureRecord record) =>
        new(record.Code, record.Name, ProcedureLimit.Parse(record.LimitValue, record.LimitUnit), record.FeesPauseClock);

    /// <summary>To the store's record.</summary>
    public ProcedureRecord ToRecord() => new(Code, Name, Limit.Value, Limit.Unit.ToApiString(), FeesPauseClock);
}
