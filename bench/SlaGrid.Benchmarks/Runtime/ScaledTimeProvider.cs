using System.Diagnostics;

namespace SlaGrid.Benchmarks.Runtime;

/// <summary>
/// A clock that runs <c>speed</c> times faster than the real one (timers too), to push an hour of deadlines through in
/// a minute; its clock reads <c>start</c> when it is created. Lags measured on it are in its (virtual) seconds: divide by the speed for real seconds.
/// </summary>
public sealed class ScaledTimeProvider(double speed, DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset _start = start;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTimestamp).Ticks * speed));

    public override long GetTimestamp() => _startTimestamp + (long)((Stopwatch.GetTimestamp() - _startTimestamp) * speed);

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(TimeProvider.System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks(Math.Max(0, (long)(span.Ticks / speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Scale(dueTime), owner.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
