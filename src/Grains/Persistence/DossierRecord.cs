namespace SlaGrid.Grains.Persistence;

/// <summary>
/// A dossier's current state, derived from its event log by the clock and stored for queries, counts and
/// restarts. The due columns are indexed. Times are instants; <paramref name="ReceiptDate"/> is the local
/// (Asia/Ho_Chi_Minh) date of receipt, used for period filters.
/// </summary>
public sealed record DossierRecord(
    string Id,
    string UnitId,
    string? OfficerId,
    string ProcedureCode,
    string Status,
    DateTimeOffset ReceivedAt,
    DateOnly ReceiptDate,
    DateTimeOffset? DueAt,
    DateTimeOffset? OriginalDueAt,
    DateTimeOffset? DueSoonAt,
    bool Paused,
    bool Rescheduled,
    bool ApologyLate,
    int SupplementRequests,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    long Version);
