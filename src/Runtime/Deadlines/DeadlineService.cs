using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime.Deadlines;

/// <summary>
/// The durable deadline service (the model of Orleans 10's durable jobs, at finer precision): the store holds every
/// deadline ordered by due time; memory holds only the window [.., now + Window) — a priority queue by fire time plus
/// the current entry per (grain, name) — refilled every <see cref="DeadlineOptions.RefillInterval"/> by keyset paging
/// (<see cref="IDeadlineStore.GetDueBeforeAsync"/>). One timer is armed for the earliest entry; due entries go to
/// <see cref="DeadlineOptions.MaxConcurrency"/> workers that activate the grain and call its
/// <see cref="IDeadlineReceiver"/>; on success the stored row is completed (kept if it was moved meanwhile), on
/// failure the delivery is retried with exponential backoff.
/// </summary>
internal sealed partial class DeadlineService : IDeadlineService, IAsyncDisposable, IDisposable
{
    private readonly IDeadlineStore _store;
    private readonly GrainRuntime _runtime;
    private readonly DeadlineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<DeadlineKey, DeadlineEntry> _current = [];
    private readonly PriorityQueue<PendingFiring, long> _queue = new();
    private readonly Dictionary<DeadlineKey, DeadlineEntry?> _touchedDuringRefill = [];
    private readonly Channel<PendingFiring> _ready = Channel.CreateUnbounded<PendingFiring>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _fireTimer;
    private ITimer? _refillTimer;
    private Task[] _workers = [];
    private Task _initialLoad = Task.CompletedTask;
    private long _armedAtTicks = long.MaxValue;
    private DateTimeOffset _horizonDue = DateTimeOffset.MinValue;
    private DeadlineEntry? _horizonLast;
    private bool _refilling;
    private bool _capped;
    private bool _started;
    private long _fired;
    private long _failed;
    private long _inFlight;
    private long _maxLagTicks;

    public DeadlineService(IDeadlineStore store, GrainRuntime runtime, IOptions<DeadlineOptions> options, TimeProvider time, ILogger<DeadlineService> logger)
    {
        _store = store;
        _runtime = runtime;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _fireTimer = time.CreateTimer(static s => ((DeadlineService)s!).OnFireTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool IsArmed => _armed.Task.IsCompleted;

    public Task WaitUntilArmedAsync(CancellationToken cancellationToken) => _armed.Task.WaitAsync(cancellationToken);

    /// <summary>Starts the workers, the initial load (retried until the store answers) and the refill timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
        }

        _workers = [.. Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(WorkAsync))];
        _initialLoad = Task.Run(InitialLoadAsync);
        _refillTimer = _time.CreateTimer(static s => _ = ((DeadlineService)s!).RefillSafeAsync(), this, _options.RefillInterval, _options.RefillInterval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _refillTimer?.Dispose();
        _fireTimer.Dispose();
        _ready.Writer.TryComplete();
        try
        {
            await Task.WhenAll([.. _workers, _initialLoad]).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Workers end by cancellation.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>Stops without waiting for the workers (a container disposed synchronously).</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _refillTimer?.Dispose();
        _fireTimer.Dispose();
        _ready.Writer.TryComplete();
    }

    public async Task ScheduleAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        entry = Normalize(entry);
        if (_runtime.Registry.FindClass(entry.GrainType) is not { IsDeadlineReceiver: true })
        {
            throw new ArgumentException($"Grain type '{entry.GrainType}' is not registered as an IDeadlineReceiver.", nameof(entry));
        }

        await _store.UpsertAsync(entry, cancellationToken);
        Track(entry);
    }

    public async Task CancelAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken)
    {
        ValidateKey(grainType, grainKey, name);
        await _store.DeleteAsync(grainType, grainKey, name, cancellationToken);
        Untrack(grainType, grainKey, name);
    }

    public void Track(DeadlineEntry entry)
    {
        entry = Normalize(entry);
        var key = KeyOf(entry);
        lock (_gate)
        {
            if (_refilling)
            {
                _touchedDuringRefill[key] = entry;
            }

            if (InWindowLocked(entry))
            {
                AddLocked(key, entry);
            }
            else
            {
                _current.Remove(key);
            }
        }
    }

    public void Untrack(string grainType, string grainKey, string name)
    {
        ValidateKey(grainType, grainKey, name);
        var key = new DeadlineKey(grainType, grainKey, name);
        lock (_gate)
        {
            if (_refilling)
            {
                _touchedDuringRefill[key] = null;
            }

            _current.Remove(key);
        }
    }

    public DeadlineStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new DeadlineStatistics(
                _current.Count,
                _horizonDue,
                Interlocked.Read(ref _fired),
                Interlocked.Read(ref _failed),
                Interlocked.Read(ref _inFlight),
                TimeSpan.FromTicks(Interlocked.Read(ref _maxLagTicks)));
        }
    }

    private static DeadlineKey KeyOf(DeadlineEntry entry) => new(entry.GrainType, entry.GrainKey, entry.Name);

    private static DeadlineEntry Normalize(DeadlineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ValidateKey(entry.GrainType, entry.GrainKey, entry.Name);
        var due = InMemoryDeadlineStore.Normalize(entry.DueAt);
        return due == entry.DueAt && entry.DueAt.Offset == TimeSpan.Zero ? entry : entry with { DueAt = due };
    }

    private static void ValidateKey(string grainType, string grainKey, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentException.ThrowIfNullOrEmpty(grainKey);
        ArgumentException.ThrowIfNullOrEmpty(name);
    }

    private bool InWindowLocked(DeadlineEntry entry) =>
        entry.DueAt < _horizonDue || (_horizonLast is not null && DeadlineEntryComparer.Instance.Compare(entry, _horizonLast) <= 0);

    private void AddLocked(DeadlineKey key, DeadlineEntry entry)
    {
        if (_current.TryGetValue(key, out var existing) && existing == entry)
        {
            return;
        }

        _current[key] = entry;
        EnqueueLocked(new PendingFiring(entry, 0), entry.DueAt.UtcTicks);
    }

    private bool IsCurrentLocked(DeadlineEntry entry) => _current.TryGetValue(KeyOf(entry), out var current) && current == entry;

    private void EnqueueLocked(PendingFiring pending, long fireAtTicks)
    {
        _queue.Enqueue(pending, fireAtTicks);
        if (fireAtTicks >= _armedAtTicks || _stopping.IsCancellationRequested)
        {
            return;
        }

        _armedAtTicks = fireAtTicks;
        var delay = TimeSpan.FromTicks(fireAtTicks - _time.GetUtcNow().UtcTicks);
        if (delay <= TimeSpan.Zero)
        {
            // Already due: fire now rather than wait for a timer (a fake clock would not move by itself).
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.OnFireTimer(), this, preferLocal: false);
        }
        else
        {
            _fireTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnFireTimer()
    {
        List<PendingFiring>? due = null;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcTicks;
            _armedAtTicks = long.MaxValue;
            while (_queue.TryPeek(out var pending, out var fireAt) && fireAt <= now)
            {
                _queue.Dequeue();
                if (IsCurrentLocked(pending.Entry))
                {
                    (due ??= []).Add(pending);
                }
            }

            if (_queue.TryPeek(out _, out var next))
            {
                _armedAtTicks = next;
                _fireTimer.Change(TimeSpan.FromTicks(Math.Max(0, next - now)), Timeout.InfiniteTimeSpan);
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var pending in due)
        {
            _ready.Writer.TryWrite(pending);
        }
    }

    private async Task WorkAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _ready.Reader.WaitToReadAsync(token))
            {
                while (_ready.Reader.TryRead(out var pending))
                {
                    await FireAsync(pending, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task FireAsync(PendingFiring pending, CancellationToken cancellationToken)
    {
        var entry = pending.Entry;
        if (_runtime.Registry.FindClass(entry.GrainType) is not { IsDeadlineReceiver: true })
        {
            // A row for a grain type this runtime does not have: retrying cannot help. It stays in the store.
            LogUnknownGrainType(_logger, entry.GrainType, entry.GrainKey, entry.Name);
            lock (_gate)
            {
                if (IsCurrentLocked(entry))
                {
                    _current.Remove(KeyOf(entry));
                }
            }

            return;
        }

        Interlocked.Increment(ref _inFlight);
        Exception? failure = null;
        try
        {
            if (pending.Attempt == 0)
            {
                RecordMaxLag(_time.GetUtcNow() - entry.DueAt);
            }

            await _runtime.DeliverDeadlineAsync(entry, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (failure is not null)
        {
            Interlocked.Increment(ref _failed);
            var delay = RetryDelay(pending.Attempt);
            LogDeliveryFailed(_logger, failure, entry.GrainType, entry.GrainKey, entry.Name, pending.Attempt + 1, delay);
            lock (_gate)
            {
                if (IsCurrentLocked(entry))
                {
                    EnqueueLocked(pending with { Attempt = pending.Attempt + 1 }, (_time.GetUtcNow() + delay).UtcTicks);
                }
            }

            return;
        }

        Interlocked.Increment(ref _fired);
        try
        {
            // Removes the row only if it still has this due time: a deadline moved while it fired is kept.
            await _store.CompleteAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The row stays: it fires again after a restart (at least once; handlers are idempotent).
            LogCompleteFailed(_logger, ex, entry.GrainType, entry.GrainKey, entry.Name);
        }

        bool refill;
        lock (_gate)
        {
            if (IsCurrentLocked(entry))
            {
                _current.Remove(KeyOf(entry));
            }

            refill = _capped && _current.Count < _options.MaxInMemory / 2 && !_refilling;
        }

        if (refill)
        {
            _ = RefillSafeAsync();
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var ticks = _options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, _options.RetryMaxDelay.Ticks));
    }

    private void RecordMaxLag(TimeSpan lag)
    {
        var ticks = lag.Ticks;
        var seen = Interlocked.Read(ref _maxLagTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _maxLagTicks, ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private async Task InitialLoadAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await RefillAsync(token);
                _armed.TrySetResult();
                LogArmed(_logger, GetStatistics().InMemory);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoadFailed(_logger, ex, _options.StoreRetryDelay);
            }

            try
            {
                await Task.Delay(_options.StoreRetryDelay, _time, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RefillSafeAsync()
    {
        if (!IsArmed)
        {
            return;
        }

        try
        {
            await RefillAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            LogLoadFailed(_logger, ex, _options.RefillInterval);
        }
    }

    /// <summary>Extends the window to now + Window, page by page from where the last refill stopped.</summary>
    private async Task RefillAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        DeadlineEntry? cursor;
        lock (_gate)
        {
            if (_refilling)
            {
                return;
            }

            _refilling = true;
            until = _time.GetUtcNow() + _options.Window;
            cursor = _horizonLast;
        }

        try
        {
            while (true)
            {
                var page = await _store.GetDueBeforeAsync(until, cursor, _options.PageSize, cancellationToken);
                lock (_gate)
                {
                    foreach (var stored in page)
                    {
                        var entry = Normalize(stored);
                        var key = KeyOf(entry);
                        if (!_touchedDuringRefill.ContainsKey(key))
                        {
                            AddLocked(key, entry);
                        }

                        cursor = stored;
                    }

                    if (cursor is not null)
                    {
                        _horizonLast = cursor;
                        if (cursor.DueAt > _horizonDue)
                        {
                            _horizonDue = cursor.DueAt;
                        }
                    }

                    if (page.Count < _options.PageSize)
                    {
                        if (until > _horizonDue)
                        {
                            _horizonDue = until;
                        }

                        _capped = false;
                        return;
                    }

                    if (_current.Count >= _options.MaxInMemory)
                    {
                        // A backlog larger than memory allows: stop here; firing makes room and triggers the next page.
                        _capped = true;
                        return;
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                foreach (var (key, entry) in _touchedDuringRefill)
                {
                    if (entry is not null && InWindowLocked(entry))
                    {
                        AddLocked(key, entry);
                    }
                    else if (entry is null || (_current.TryGetValue(key, out var current) && current != entry))
                    {
                        _current.Remove(key);
                    }
                }

                _touchedDuringRefill.Clear();
                _refilling = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline {GrainType}/{GrainKey}/{Name} names a grain type that is not a registered IDeadlineReceiver; skipped")]
    private static partial void LogUnknownGrainType(ILogger logger, string grainType, string grainKey, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadlines armed: {InMemory} in the window")]
    private static partial void LogArmed(ILogger logger, long inMemory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading deadlines failed; retrying in {Delay}")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline {GrainType}/{GrainKey}/{Name} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string grainType, string grainKey, string name, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline {GrainType}/{GrainKey}/{Name} fired but could not be completed in the store")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, string grainType, string grainKey, string name);
}
