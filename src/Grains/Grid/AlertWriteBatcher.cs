using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// Writes alert changes that grains raise outside a dossier commit (the unit and officer late-ratio flags) in shared
/// transactions: while one write is in flight the next changes queue, and the first caller to find no write in flight
/// drains the queue, up to <see cref="MaxBatch"/> changes per transaction, in arrival order. Every outbox writer takes
/// one lock, so a hundred grains writing one change each queued on it a hundred connections deep; now they share one.
/// A caller's task completes when its change is durable. A batch that fails is retried change by change, so that one
/// bad change fails only its own caller.
/// </summary>
public sealed class AlertWriteBatcher(IAlertStore store)
{
    /// <summary>Most changes in one transaction.</summary>
    public const int MaxBatch = 1_000;

    private readonly Lock _gate = new();
    private List<Pending> _queue = [];
    private bool _writing;

    /// <summary>Writes <paramref name="change"/> with whatever else is queued; completes when it is durable.</summary>
    public Task ApplyAsync(AlertChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pending = new Pending(change);
        bool lead;
        lock (_gate)
        {
            _queue.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                if (_queue.Count <= MaxBatch)
                {
                    batch = _queue;
                    _queue = [];
                }
                else
                {
                    batch = _queue.GetRange(0, MaxBatch);
                    _queue.RemoveRange(0, MaxBatch);
                }
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await store.ApplyAsync([.. batch.Select(p => p.Change)], CancellationToken.None);
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }

            return;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            batch[0].Done.TrySetException(ex);
            return;
        }
        catch (Exception)
        {
            // Below, one by one.
        }

        foreach (var pending in batch)
        {
            try
            {
                await store.ApplyAsync([pending.Change], CancellationToken.None);
                pending.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(AlertChange change)
    {
        public AlertChange Change { get; } = change;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
