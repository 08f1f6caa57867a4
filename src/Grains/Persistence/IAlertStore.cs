namespace SlaGrid.Grains.Persistence;

/// <summary>Alerts and their outbox. Alerts are raised and resolved through <see cref="IDossierStore.CommitAsync"/> or <see cref="ApplyAsync"/>.</summary>
public interface IAlertStore
{
    /// <summary>Applies alert changes that have no dossier cause (unit and officer ratios), in one transaction.</summary>
    Task ApplyAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken);

    /// <summary>Alerts matching the query, newest first.</summary>
    Task<IReadOnlyList<AlertRecord>> QueryAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>One alert, or null.</summary>
    Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>The active alert with this dedup key, or null.</summary>
    Task<AlertRecord?> GetActiveAsync(string dedupKey, CancellationToken cancellationToken);

    /// <summary>
    /// Acknowledges an open alert (appending <c>acknowledged</c> to the outbox) and returns it; an acknowledged
    /// or resolved alert is returned unchanged; null if there is no such alert.
    /// </summary>
    Task<AlertRecord?> AcknowledgeAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Outbox entries after <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertOutboxEntry>> ReadOutboxAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The newest outbox sequence (0 when empty).</summary>
    Task<long> GetOutboxHeadAsync(CancellationToken cancellationToken);
}
