using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>
/// The real alert store, counting write transactions, except that a write <paramref name="holds"/> picks (given its
/// 1-based number and its changes) waits for <see cref="Release"/>: it holds whoever makes it — a grain in its turn,
/// a batcher's write in flight — for as long as a test needs.
/// </summary>
internal sealed class GatedAlertStore(IAlertStore inner, Func<int, IReadOnlyList<AlertChange>, bool> holds) : IAlertStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    /// <summary>Holds the first write.</summary>
    public static GatedAlertStore First(IAlertStore inner) => new(inner, (n, _) => n == 1);

    /// <summary>Write transactions so far.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Completes when a held write has started waiting.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets held writes through, now and from now on.</summary>
    public void Release() => _released.TrySetResult();

    public async Task ApplyAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        if (holds(Interlocked.Increment(ref _writes), changes))
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }

        await inner.ApplyAsync(changes, cancellationToken);
    }

    public Task<IReadOnlyList<AlertRecord>> QueryAsync(AlertQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken) => inner.GetAsync(alertId, cancellationToken);

    public Task<AlertRecord?> GetActiveAsync(string dedupKey, CancellationToken cancellationToken) => inner.GetActiveAsync(dedupKey, cancellationToken);

    public Task<AlertRecord?> AcknowledgeAsync(string alertId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(alertId, at, cancellationToken);

    public Task<IReadOnlyList<AlertOutboxEntry>> ReadOutboxAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(afterSequence, limit, cancellationToken);

    public Task<long> GetOutboxHeadAsync(CancellationToken cancellationToken) => inner.GetOutboxHeadAsync(cancellationToken);
}
