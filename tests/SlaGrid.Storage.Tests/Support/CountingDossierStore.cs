using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>
/// The test hook for grouping: passes every call to the real store, counts <see cref="CommitAsync"/> calls (one
/// per transaction) and can hold the first one until released, so that commits queue up behind it.
/// </summary>
public sealed class CountingDossierStore(IDossierStore inner) : IDossierStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _transactions;

    /// <summary>When true, the first commit waits for <see cref="Release"/>.</summary>
    public bool HoldFirst { get; init; }

    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>The sizes of the groups handed to the store, in order.</summary>
    public List<int> GroupSizes { get; } = [];

    /// <summary>Completes when the first commit reached the store.</summary>
    public Task FirstEntered => _firstEntered.Task;

    public void Release() => _gate.TrySetResult();

    public async Task CommitAsync(IReadOnlyList<DossierCommit> commits, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _transactions);
        lock (GroupSizes)
        {
            GroupSizes.Add(commits.Count);
        }

        if (n == 1)
        {
            _firstEntered.TrySetResult();
            if (HoldFirst)
            {
                await _gate.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            }
        }

        await inner.CommitAsync(commits, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string dossierId, CancellationToken cancellationToken) => inner.GetEventsAsync(dossierId, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> FindEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        inner.FindEventsAsync(eventIds, cancellationToken);

    public Task<DossierRecord?> GetDossierAsync(string dossierId, CancellationToken cancellationToken) => inner.GetDossierAsync(dossierId, cancellationToken);

    public Task<IReadOnlyList<DossierRecord>> GetOpenDossiersAsync(IReadOnlyCollection<string> unitIds, int limit, CancellationToken cancellationToken) =>
        inner.GetOpenDossiersAsync(unitIds, limit, cancellationToken);

    public IAsyncEnumerable<DossierRecord> StreamDossiersAsync(bool openOnly, CancellationToken cancellationToken) => inner.StreamDossiersAsync(openOnly, cancellationToken);

    public Task<DossierCounts> CountAsync(DossierCountQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

    public Task<long> CountEventsAsync(CancellationToken cancellationToken) => inner.CountEventsAsync(cancellationToken);
}
