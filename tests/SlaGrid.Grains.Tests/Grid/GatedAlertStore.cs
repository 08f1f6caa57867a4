using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>
/// The real alert store, except that a write raising the alert <paramref name="dedupKey"/> waits for
/// <see cref="Release"/>: it holds the grain that makes it inside its turn for as long as a test needs.
/// </summary>
internal sealed class GatedAlertStore(IAlertStore inner, string dedupKey) : IAlertStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a gated write has started waiting.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets gated writes through, now and from now on.</summary>
    public void Release() => _released.TrySetResult();

    public async Task ApplyAsync(IReadOnlyList<AlertChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => c.Kind == AlertChangeKind.Raise && c.DedupKey == dedupKey))
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
