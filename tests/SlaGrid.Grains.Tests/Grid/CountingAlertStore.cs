using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>The real alert store, counting write transactions; the first write can be held until <see cref="ReleaseFirst"/>.</summary>
internal sealed class CountingAlertStore(IAlertStore inner, bool holdFirst) : IAlertStore
{
    private readonly TaskCompletionSource _firstEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task FirstEntered => _firstEntered.Task;

    public void ReleaseFirst() => _firstReleased.TrySetResult();

    public async Task ApplyAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _writes) == 1 && holdFirst)
        {
            _firstEntered.TrySetResult();
            await _firstReleased.Task.WaitAsync(cancellationToken);
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
