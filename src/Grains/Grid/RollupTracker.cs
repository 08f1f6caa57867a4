namespace SlaGrid.Grains.Grid;

/// <summary>
/// Counts rollup work in flight (a unit with unpublished changes, or a snapshot on its way to a parent), so that a
/// stats query can wait until the tree is quiet and answer with every accepted event counted at every level
/// (read-your-writes), bounded by a timeout under continuous load.
/// </summary>
public sealed class RollupTracker
{
    private readonly Lock _gate = new();
    private long _pending;
    private TaskCompletionSource _quiet = NewQuiet(completed: true);

    /// <summary>Rollup steps in flight.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>One more step in flight.</summary>
    public void Begin()
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _quiet = NewQuiet(completed: false);
            }
        }
    }

    /// <summary>One step done.</summary>
    public void End()
    {
        lock (_gate)
        {
            if (_pending <= 0)
            {
                _pending = 0;
                return;
            }

            if (--_pending == 0)
            {
                _quiet.TrySetResult();
            }
        }
    }

    /// <summary>Waits until no rollup is in flight, or <paramref name="timeout"/> passes; returns whether it got quiet.</summary>
    public async Task<bool> WaitQuietAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task quiet;
        lock (_gate)
        {
            quiet = _quiet.Task;
        }

        if (quiet.IsCompleted)
        {
            return true;
        }

        try
        {
            await quiet.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewQuiet(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
