using Microsoft.Extensions.Logging;

namespace SlaGrid.Runtime.Core;

/// <summary>
/// One activation of a grain: its mailbox and its turn scheduler. It is its own <see cref="SynchronizationContext"/>,
/// so every <c>await</c> in grain code posts its continuation back here and turns never run in parallel; and its own
/// thread-pool work item, so scheduling allocates nothing. A message (a call) holds the activation from its start to
/// its end unless it may interleave (reentrant class, read-only with read-only, always-interleave).
/// </summary>
internal sealed partial class Activation : SynchronizationContext, IThreadPoolWorkItem
{
    [ThreadStatic]
    private static Activation? t_constructing;

    private Grain? _grain;
    private ActivationState _state;
    private bool _scheduled;
    private bool _activationPending;
    private bool _watched;
    private bool _deactivationPending;
    private DeactivationReason _deactivationReason;
    private Queue<IMessage>? _inbox;
    private Queue<IMessage>? _interleaveInbox;
    private Queue<Turn>? _turns;
    private int _running;
    private int _runningReadOnly;
    private IMessage? _runningFirst;
    private List<IMessage>? _runningMore;
    private int _activity;
    private int _activitySeen;
    private long _idleSinceTicks;
    private List<GrainTimer>? _timers;
    private TaskCompletionSource? _gone;

    public Activation(GrainRuntime runtime, GrainClassInfo type, string key)
    {
        Runtime = runtime;
        Type = type;
        Key = key;
    }

    /// <summary>The activation whose grain is being constructed on this thread (read by the <see cref="Grain"/> constructor).</summary>
    public static Activation? Constructing => t_constructing;

    public GrainRuntime Runtime { get; }

    public GrainClassInfo Type { get; }

    public string Key { get; }

    internal ActivationState State
    {
        get
        {
            lock (this)
            {
                return _state;
            }
        }
    }

    /// <summary>Queues a message; false when this activation is gone (the sender must look the grain up again).</summary>
    public bool Enqueue(IMessage message)
    {
        lock (this)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            message.Epoch = Runtime.Epoch;
            WatchLocked();
            if (message.AlwaysInterleave && !message.BoundToActivation)
            {
                (_interleaveInbox ??= new Queue<IMessage>()).Enqueue(message);
            }
            else
            {
                (_inbox ??= new Queue<IMessage>()).Enqueue(message);
            }

            if (message.KeepsAlive)
            {
                _activity++;
            }

            if (_state == ActivationState.Created)
            {
                _state = ActivationState.Activating;
                _activationPending = true;
            }

            if (!ScheduleIfNeededLocked())
            {
                return true;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        return true;
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (this)
        {
            (_turns ??= new Queue<Turn>()).Enqueue(new Turn(d, state));
            if (!ScheduleIfNeededLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain turns cannot be run synchronously from another thread.");

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs turns and starts messages until none can run, or the quantum is spent.</summary>
    public void Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var quantum = Runtime.TurnQuantum;
            for (var done = 0; ; done++)
            {
                Turn turn = default;
                IMessage? message = null;
                Step step;
                lock (this)
                {
                    step = done < quantum ? NextLocked(ref turn, ref message) : Step.Yield;
                    if (step == Step.Yield && !CanProgressLocked())
                    {
                        step = Step.None;
                    }

                    if (step == Step.None)
                    {
                        _scheduled = false;
                        return;
                    }
                }

                switch (step)
                {
                    case Step.Turn:
                        RunTurn(turn);
                        break;
                    case Step.Message:
                        message!.Run(this, _grain!);
                        break;
                    case Step.Activate:
                        _ = ActivateAsync();
                        break;
                    case Step.Deactivate:
                        _ = DeactivateAsync();
                        break;
                    case Step.Yield:
                        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        return;
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Called by a message when its work ends: frees the activation for the next one.</summary>
    public void OnMessageCompleted(IMessage message, bool staleState)
    {
        lock (this)
        {
            _running--;
            if (message.IsReadOnly)
            {
                _runningReadOnly--;
            }

            if (ReferenceEquals(_runningFirst, message))
            {
                _runningFirst = null;
            }
            else
            {
                _runningMore?.Remove(message);
            }

            if (staleState && _state == ActivationState.Active && !_deactivationPending)
            {
                // Orleans' rule: a stale state write that escapes a call deactivates the activation, so the next
                // call starts from what is stored.
                _deactivationPending = true;
                _deactivationReason = new DeactivationReason(DeactivationReasonCode.ApplicationError, "A state write was stale (InconsistentStateException).");
            }

            if (!ScheduleIfNeededLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    /// <summary>Asks for deactivation once no message runs; messages still queued then go to a new activation.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        bool schedule;
        lock (this)
        {
            if (_state is ActivationState.Invalid or ActivationState.Deactivating || _deactivationPending)
            {
                return;
            }

            _deactivationPending = true;
            _deactivationReason = reason;
            schedule = ScheduleIfNeededLocked();
        }

        // Timers stop as soon as deactivation is asked for, so that a running tick is cancelled rather than waited for.
        StopTimers();
        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Completes when the activation is gone (deactivated or failed to activate).</summary>
    public Task WhenGone()
    {
        lock (this)
        {
            if (_state == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            return (_gone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Deactivates the activation if it has been idle (no keep-alive message) for <paramref name="ageTicks"/>.</summary>
    public void CollectIfIdle(long nowTicks, long ageTicks)
    {
        lock (this)
        {
            if (_state != ActivationState.Active || _deactivationPending)
            {
                return;
            }

            if (_activity != _activitySeen)
            {
                _activitySeen = _activity;
                _idleSinceTicks = nowTicks;
                return;
            }

            if (_running > 0 || _inbox is { Count: > 0 } || _interleaveInbox is { Count: > 0 } || _turns is { Count: > 0 })
            {
                return;
            }

            if (nowTicks - _idleSinceTicks < ageTicks)
            {
                return;
            }

            _deactivationPending = true;
            _deactivationReason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, "Idle for longer than the collection age.");
            if (!ScheduleIfNeededLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Answers, with a <see cref="TimeoutException"/>, every waiting or running message enqueued at or before <paramref name="expiredEpoch"/>.</summary>
    public void ExpireMessages(long expiredEpoch)
    {
        lock (this)
        {
            // Idle (or gone): nothing to expire until the next enqueue watches it again.
            if (_state == ActivationState.Invalid
                || (_running == 0 && (_inbox?.Count ?? 0) == 0 && (_interleaveInbox?.Count ?? 0) == 0))
            {
                _watched = false;
                Runtime.Unwatch(this);
                return;
            }

            Expire(_runningFirst, expiredEpoch);
            if (_runningMore is not null)
            {
                foreach (var message in _runningMore)
                {
                    Expire(message, expiredEpoch);
                }
            }

            ExpireQueue(_interleaveInbox, expiredEpoch);
            ExpireQueue(_inbox, expiredEpoch);
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback);
        lock (this)
        {
            if (_state is ActivationState.Invalid or ActivationState.Deactivating)
            {
                throw new InvalidOperationException($"{Type.Name}/{Key} is deactivating: it cannot start timers.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (this)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Seeds a successor with the messages its predecessor could not run (called before it is published).</summary>
    internal void Seed(List<IMessage> messages)
    {
        WatchLocked();
        foreach (var message in messages)
        {
            if (message.AlwaysInterleave)
            {
                (_interleaveInbox ??= new Queue<IMessage>()).Enqueue(message);
            }
            else
            {
                (_inbox ??= new Queue<IMessage>()).Enqueue(message);
            }

            if (message.KeepsAlive)
            {
                _activity++;
            }
        }

        _state = ActivationState.Activating;
        _activationPending = true;
        _scheduled = true;
    }

    internal void ScheduleSeeded() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    // Under the lock: the sweep visits this activation until it finds it idle.
    private void WatchLocked()
    {
        if (!_watched)
        {
            _watched = true;
            Runtime.Watch(this);
        }
    }

    private void StopTimers()
    {
        GrainTimer[] timers;
        lock (this)
        {
            if (_timers is not { Count: > 0 })
            {
                return;
            }

            timers = [.. _timers];
            _timers = null;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private static void Expire(IMessage? message, long expiredEpoch)
    {
        if (message is not null && message.Epoch <= expiredEpoch && !message.BoundToActivation && !message.IsAnswered)
        {
            message.Fail(new TimeoutException($"No answer to {message.Describe()} within the response timeout: its outcome is unknown (it is not resent)."));
        }
    }

    private static void ExpireQueue(Queue<IMessage>? queue, long expiredEpoch)
    {
        if (queue is null)
        {
            return;
        }

        foreach (var message in queue)
        {
            if (message.Epoch > expiredEpoch)
            {
                break;
            }

            Expire(message, expiredEpoch);
        }
    }

    private static void DrainInto(Queue<IMessage>? queue, List<IMessage> target)
    {
        if (queue is null)
        {
            return;
        }

        while (queue.TryDequeue(out var message))
        {
            target.Add(message);
        }
    }

    private bool ScheduleIfNeededLocked()
    {
        if (_scheduled || !CanProgressLocked())
        {
            return false;
        }

        _scheduled = true;
        return true;
    }

    private bool CanProgressLocked()
    {
        if (_turns is { Count: > 0 } || _activationPending)
        {
            return true;
        }

        if (_state != ActivationState.Active)
        {
            return false;
        }

        if (_interleaveInbox is { Count: > 0 })
        {
            return true;
        }

        if (_inbox is { Count: > 0 })
        {
            var head = _inbox.Peek();
            if (head.IsAnswered || (!_deactivationPending && (_running == 0 || MayInterleave(head))))
            {
                return true;
            }
        }

        return _deactivationPending && _running == 0;
    }

    private bool MayInterleave(IMessage message) =>
        Type.IsReentrant || message.AlwaysInterleave || (message.IsReadOnly && _runningReadOnly == _running);

    private Step NextLocked(ref Turn turn, ref IMessage? message)
    {
        if (_turns is not null && _turns.TryDequeue(out turn))
        {
            return Step.Turn;
        }

        if (_activationPending)
        {
            _activationPending = false;
            return Step.Activate;
        }

        if (_state != ActivationState.Active)
        {
            return Step.None;
        }

        while (_interleaveInbox is not null && _interleaveInbox.TryDequeue(out var interleaving))
        {
            if (!interleaving.IsAnswered)
            {
                message = StartLocked(interleaving);
                return Step.Message;
            }
        }

        while (_inbox is not null && _inbox.TryPeek(out var head))
        {
            if (head.IsAnswered)
            {
                _inbox.Dequeue();
                continue;
            }

            if (_deactivationPending || (_running > 0 && !MayInterleave(head)))
            {
                break;
            }

            _inbox.Dequeue();
            message = StartLocked(head);
            return Step.Message;
        }

        if (_deactivationPending && _running == 0)
        {
            _deactivationPending = false;
            _state = ActivationState.Deactivating;
            return Step.Deactivate;
        }

        return Step.None;
    }

    private IMessage StartLocked(IMessage message)
    {
        if (_running == 0 && _runningFirst is null)
        {
            _runningFirst = message;
        }
        else
        {
            (_runningMore ??= []).Add(message);
        }

        _running++;
        if (message.IsReadOnly)
        {
            _runningReadOnly++;
        }

        return message;
    }

    private void RunTurn(Turn turn)
    {
        try
        {
            turn.Callback(turn.State);
        }
        catch (Exception ex)
        {
            LogTurnFailed(Runtime.Logger, ex, Type.Name, Key);
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            Grain grain;
            t_constructing = this;
            try
            {
                grain = (Grain)Type.Factory(Runtime.Services, null);
            }
            finally
            {
                t_constructing = null;
            }

            _grain = grain;
            var token = Runtime.StoppingToken;
            await grain.LoadStateAsync(token);
            await grain.OnActivateAsync(token);
        }
        catch (Exception ex)
        {
            FailActivation(ex);
            return;
        }

        Type.OnActivated();
        lock (this)
        {
            _state = ActivationState.Active;
            _idleSinceTicks = Runtime.TimeProvider.GetUtcNow().UtcTicks;
            _activitySeen = _activity;

            // Normally this runs inside a turn of this activation and the worker loop picks up the waiting messages;
            // if grain code left the context (ConfigureAwait(false)), schedule the worker.
            if (!ScheduleIfNeededLocked())
            {
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    private void FailActivation(Exception exception)
    {
        LogActivationFailed(Runtime.Logger, exception, Type.Name, Key);
        var failed = new List<IMessage>();
        TaskCompletionSource? gone;
        lock (this)
        {
            _state = ActivationState.Invalid;
            DrainInto(_interleaveInbox, failed);
            DrainInto(_inbox, failed);
            gone = _gone;
        }

        Type.Directory.TryRemove(new KeyValuePair<string, Activation>(Key, this));
        _grain = null;
        foreach (var message in failed)
        {
            message.Fail(exception);
        }

        gone?.TrySetResult();
    }

    private async Task DeactivateAsync()
    {
        DeactivationReason reason;
        lock (this)
        {
            reason = _deactivationReason;
        }

        StopTimers();

        try
        {
            using var timeout = new CancellationTokenSource(Runtime.DeactivationTimeout, Runtime.TimeProvider);
            await _grain!.OnDeactivateAsync(reason, timeout.Token);
        }
        catch (Exception ex)
        {
            LogDeactivationFailed(Runtime.Logger, ex, Type.Name, Key);
        }

        FinishDeactivation(reason);
    }

    private void FinishDeactivation(DeactivationReason reason)
    {
        var leftovers = new List<IMessage>();
        Activation? successor = null;
        var dropped = new List<IMessage>();
        TaskCompletionSource? gone;
        lock (this)
        {
            _state = ActivationState.Invalid;
            var pending = new List<IMessage>();
            DrainInto(_inbox, pending);
            DrainInto(_interleaveInbox, pending);
            foreach (var message in pending)
            {
                if (message.IsAnswered)
                {
                    continue;
                }

                (message.BoundToActivation || Runtime.IsStopping ? dropped : leftovers).Add(message);
            }

            if (leftovers.Count > 0)
            {
                successor = new Activation(Runtime, Type, Key);
                successor.Seed(leftovers);
                if (!Type.Directory.TryUpdate(Key, successor, this))
                {
                    successor = null;
                }
            }
            else
            {
                Type.Directory.TryRemove(new KeyValuePair<string, Activation>(Key, this));
            }

            gone = _gone;
        }

        Type.OnDeactivated();
        LogDeactivated(Runtime.Logger, Type.Name, Key, reason.ReasonCode);
        _grain = null;
        if (successor is not null)
        {
            successor.ScheduleSeeded();
        }
        else
        {
            foreach (var message in leftovers)
            {
                Runtime.Resend(Type, Key, message);
            }
        }

        foreach (var message in dropped)
        {
            if (message.BoundToActivation)
            {
                message.Cancel();
            }
            else
            {
                message.Fail(new InvalidOperationException($"The runtime is stopping: {message.Describe()} was not run."));
            }
        }

        gone?.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainType}/{GrainKey} failed to activate")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, string grainType, string grainKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainType}/{GrainKey}: OnDeactivateAsync failed")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, string grainType, string grainKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain {GrainType}/{GrainKey}: a posted turn threw")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string grainType, string grainKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grain {GrainType}/{GrainKey} deactivated ({Reason})")]
    private static partial void LogDeactivated(ILogger logger, string grainType, string grainKey, DeactivationReasonCode reason);

    private readonly record struct Turn(SendOrPostCallback Callback, object? State);

    private enum Step
    {
        None,
        Turn,
        Message,
        Activate,
        Deactivate,
        Yield,
    }
}
