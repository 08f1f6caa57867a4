namespace SlaGrid.Runtime.Core;

/// <summary>
/// A grain timer: a one-shot <see cref="ITimer"/> from the runtime's <see cref="TimeProvider"/>, re-armed when a tick
/// ends, so ticks never overlap; each tick is a message in the activation's mailbox.
/// </summary>
internal sealed partial class GrainTimer : IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _stopped = new();
    private readonly ITimer _timer;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private TimeSpan? _changedDue;
    private bool _ticking;
    private bool _disposed;

    public GrainTimer(Activation activation, Func<CancellationToken, Task> callback)
    {
        _activation = activation;
        _callback = callback;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), "The due time must be positive or infinite.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), "The period must be positive or infinite.");
        }

        lock (_stopped)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _period = period;
            if (_ticking)
            {
                _changedDue = dueTime;
                return;
            }

            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_stopped)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
        }

        _stopped.Cancel();
        _activation.RemoveTimer(this);
    }

    public string Describe() => $"{_activation.Type.Name}/{_activation.Key}";

    private void OnDue()
    {
        TimerTick tick;
        lock (_stopped)
        {
            if (_disposed || _ticking)
            {
                return;
            }

            _ticking = true;
            tick = new TimerTick(this, _callback, _stopped.Token);
        }

        if (!_activation.Enqueue(tick))
        {
            Dispose();
            return;
        }

        tick.Task.ContinueWith(
            static (done, s) => ((GrainTimer)s!).AfterTick(done),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AfterTick(Task done)
    {
        if (done.IsFaulted)
        {
            LogTickFailed(_activation.Runtime.Logger, done.Exception!.GetBaseException(), _activation.Type.Name, _activation.Key);
        }

        lock (_stopped)
        {
            _ticking = false;
            if (_disposed)
            {
                return;
            }

            var due = _changedDue ?? _period;
            _changedDue = null;
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Grain {GrainType}/{GrainKey}: a timer tick failed")]
    private static partial void LogTickFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string grainType, string grainKey);
}
