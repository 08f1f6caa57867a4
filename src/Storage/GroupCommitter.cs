using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage;

/// <summary>
/// Group commit for dossier changes: many concurrent callers hand in one <see cref="DossierCommit"/> each; a
/// single loop gathers whatever is waiting (up to <see cref="GroupCommitOptions.MaxBatchSize"/>) into one
/// <see cref="IDossierStore.CommitAsync"/> transaction, and gathers the next group while that one commits.
/// <list type="bullet">
/// <item>A caller's task completes only after its transaction committed (durable); its latency goes to
/// <c>slagrid_ingest_seconds</c>.</item>
/// <item>If a group fails because of one member (a duplicate event id, a stale dossier version, bad data), the
/// offender fails alone and the others are committed: a <see cref="DuplicateEventException"/> that names an
/// event pins the member carrying it and the rest is retried as a group; any other member-caused failure
/// retries the members one by one.</item>
/// <item>If the database is unreachable, every member fails with <see cref="StorageUnavailableException"/> (the
/// API answers 503 with Retry-After); nothing is retried behind the caller's back.</item>
/// <item>Cancellation is honoured while a commit waits in the queue; once a group has taken it, the caller gets
/// the group's outcome.</item>
/// </list>
/// </summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    private readonly IDossierStore _store;
    private readonly GroupCommitOptions _options;
    private readonly StorageInstruments _instruments;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GroupCommitter> _logger;
    private readonly Channel<PendingCommit> _queue;
    private readonly SemaphoreSlim _slots;
    private readonly Task _loop;
    private int _pending;
    private int _disposed;

    /// <summary>Creates the committer and starts its loop.</summary>
    /// <param name="store">Where groups are committed.</param>
    /// <param name="options">Batching settings; validated here.</param>
    /// <param name="instruments">Where commit latency is recorded.</param>
    /// <param name="timeProvider">The clock that measures latency.</param>
    /// <param name="logger">Logs group failures.</param>
    public GroupCommitter(IDossierStore store, GroupCommitOptions options, StorageInstruments instruments, TimeProvider timeProvider, ILogger<GroupCommitter> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _store = store;
        _options = options;
        _instruments = instruments;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingCommit>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _slots = new SemaphoreSlim(options.MaxConcurrentBatches, options.MaxConcurrentBatches);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many commits wait in the queue (not yet taken by a group).</summary>
    public int PendingCount => Volatile.Read(ref _pending);

    /// <summary>Commits <paramref name="commit"/> with whatever else is waiting; completes once it is durable.</summary>
    /// <exception cref="DuplicateEventException">One of its events is already stored (or repeated within it).</exception>
    /// <exception cref="StorageUnavailableException">The database could not be reached; retry later.</exception>
    /// <exception cref="ObjectDisposedException">The committer is shut down.</exception>
    public async Task CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingCommit(commit, _timeProvider.GetTimestamp());
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(pending))
        {
            try
            {
                await _queue.Writer.WriteAsync(pending, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                Interlocked.Decrement(ref _pending);
                throw new ObjectDisposedException(nameof(GroupCommitter), "The group committer is shut down.");
            }
            catch (OperationCanceledException)
            {
                Interlocked.Decrement(ref _pending);
                throw;
            }
        }

        await using (cancellationToken.Register(static (state, ct) => ((PendingCommit)state!).CancelIfQueued(ct), pending))
        {
            await pending.Task;
        }
    }

    /// <summary>Stops taking commits, commits what is queued, and waits for the groups in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _loop;
        for (var i = 0; i < _options.MaxConcurrentBatches; i++)
        {
            await _slots.WaitAsync();
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                await _slots.WaitAsync();
                var batch = new List<PendingCommit>(Math.Min(_options.MaxBatchSize, Math.Max(1, PendingCount)));
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var pending))
                {
                    Interlocked.Decrement(ref _pending);
                    if (pending.TryTake())
                    {
                        batch.Add(pending);
                    }
                }

                if (batch.Count == 0)
                {
                    _slots.Release();
                    continue;
                }

                _ = CommitBatchAsync(batch);
            }
        }
        catch (Exception ex)
        {
            StorageLog.CommitterLoopFailed(_logger, ex);
            _queue.Writer.TryComplete(ex);
            while (reader.TryRead(out var pending))
            {
                pending.TrySetException(new StorageUnavailableException("The group committer stopped.", ex));
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingCommit> batch)
    {
        try
        {
            await CommitGroupAsync(batch);
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.TrySetException(ex);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task CommitGroupAsync(List<PendingCommit> members)
    {
        while (members.Count > 0)
        {
            var failure = await TryCommitAsync(members);
            if (failure is null)
            {
                Succeed(members);
                return;
            }

            if (IsUnavailable(failure))
            {
                StorageLog.GroupUnavailable(_logger, members.Count, failure);
                foreach (var member in members)
                {
                    member.TrySetException(Unavailable(failure));
                }

                return;
            }

            if (members.Count == 1)
            {
                members[0].TrySetException(failure);
                return;
            }

            StorageLog.GroupIsolating(_logger, members.Count, failure.GetType().Name);
            if (failure is DuplicateEventException { EventId: { } eventId } && members.FindLastIndex(m => m.Contains(eventId)) is var index and >= 0)
            {
                // The store names the duplicate: fail the (last) member that carries it and retry the rest together.
                members[index].TrySetException(CommitPlan.Duplicate(eventId));
                members = [.. members[..index], .. members[(index + 1)..]];
                continue;
            }

            foreach (var member in members)
            {
                var single = await TryCommitAsync([member]);
                if (single is null)
                {
                    Succeed([member]);
                }
                else
                {
                    member.TrySetException(IsUnavailable(single) ? Unavailable(single) : single);
                }
            }

            return;
        }
    }

    private async Task<Exception?> TryCommitAsync(List<PendingCommit> members)
    {
        var commits = new DossierCommit[members.Count];
        for (var i = 0; i < commits.Length; i++)
        {
            commits[i] = members[i].Commit;
        }

        try
        {
            // Not cancellable: once a group is handed to the store its callers wait for the real outcome.
            await _store.CommitAsync(commits, CancellationToken.None);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private void Succeed(List<PendingCommit> members)
    {
        foreach (var member in members)
        {
            _instruments.OnCommitDurable(_timeProvider.GetElapsedTime(member.EnqueuedAt));
            member.TrySetResult();
        }
    }

    private static bool IsUnavailable(Exception exception) =>
        TransientErrors.IsUnavailable(exception) || TransientErrors.IsRetryableConflict(exception);

    private static StorageUnavailableException Unavailable(Exception cause) =>
        new(cause is StorageUnavailableException ? cause.Message : $"The store is unavailable: {cause.Message}", cause)
        {
            RetryAfter = (cause as StorageUnavailableException)?.RetryAfter ?? StorageUnavailableException.DefaultRetryAfter,
        };
}
