using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage;

/// <summary>A commit waiting in the <see cref="GroupCommitter"/>'s queue, and its caller's completion.</summary>
internal sealed class PendingCommit(DossierCommit commit, long enqueuedAt) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;
    private int _state;

    public DossierCommit Commit { get; } = commit;

    /// <summary>The <see cref="TimeProvider"/> timestamp at enqueue.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Claims the commit for a batch; false if its caller cancelled first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Cancels the commit if no batch has claimed it yet.</summary>
    public void CancelIfQueued(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            TrySetCanceled(cancellationToken);
        }
    }

    public bool Contains(string eventId)
    {
        foreach (var e in Commit.Events)
        {
            if (string.Equals(e.EventId, eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
