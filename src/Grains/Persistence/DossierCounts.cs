namespace SlaGrid.Grains.Persistence;

/// <summary>Dossier counts by category, as a store recount gives them (used to check live counters).</summary>
public sealed record DossierCounts(
    long Received,
    long Open,
    long Overdue,
    long DueSoon,
    long Paused,
    long FinishedEarly,
    long FinishedOnTime,
    long FinishedLate);
