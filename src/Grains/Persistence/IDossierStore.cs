namespace SlaGrid.Grains.Persistence;

/// <summary>The append-only event log and the dossiers' current state.</summary>
public interface IDossierStore
{
    /// <summary>
    /// Commits the group in one transaction. If an event id already exists the whole group is rolled back and
    /// <see cref="DuplicateEventException"/> names it (the caller then retries the others without it).
    /// </summary>
    Task CommitAsync(IReadOnlyList<DossierCommit> commits, CancellationToken cancellationToken);

    /// <summary>A dossier's events, ordered by (at, ingestion order).</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>For the given event ids, those already stored, mapped to their dossier id.</summary>
    Task<IReadOnlyDictionary<string, string>> FindEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>A dossier's stored state, or null.</summary>
    Task<DossierRecord?> GetDossierAsync(string dossierId, CancellationToken cancellationToken);

    /// <summary>Open dossiers of the given units, most overdue first (by due time), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DossierRecord>> GetOpenDossiersAsync(IReadOnlyCollection<string> unitIds, int limit, CancellationToken cancellationToken);

    /// <summary>Every dossier (or every open one), in no particular order, streamed (for restarts and recounts).</summary>
    IAsyncEnumerable<DossierRecord> StreamDossiersAsync(bool openOnly, CancellationToken cancellationToken);

    /// <summary>Counts dossiers by category; the recount that live counters must equal.</summary>
    Task<DossierCounts> CountAsync(DossierCountQuery query, CancellationToken cancellationToken);

    /// <summary>How many events the log holds.</summary>
    Task<long> CountEventsAsync(CancellationToken cancellationToken);
}
