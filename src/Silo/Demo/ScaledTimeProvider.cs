namespace SlaGrid.Silo.Demo;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than the one beneath it (the system clock by default): it
/// starts at the inner clock's now, and advances <see cref="Speed"/> seconds per inner second. Timers created from it
/// fire after their due time and period divided by <see cref="Speed"/> on the inner clock (rounded up to a whole
/// millisecond, so that they never fire before their simulated due time, and a period never becomes zero).
/// Timestamps advance at the same rate, so that <see cref="TimeProvider.GetElapsedTime(long)"/> agrees with
/// <see cref="GetUtcNow"/>.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    /// <summary>A clock over the system clock, <paramref name="speed"/> times faster, starting at the real now.</summary>
    /// <param name="speed">How many simulated seconds pass per real second (1–10,000).</param>
    public ScaledTimeProvider(int speed)
        : this(System, speed)
    {
    }

    /// <summary>A clock over <paramref name="inner"/>, <paramref name="speed"/> times faster, starting at its now.</summary>
    /// <param name="inner">The clock beneath (real time, or a fake one in tests).</param>
    /// <param name="speed">How many simulated seconds pass per inner second (1–10,000).</param>
    public ScaledTimeProvider(TimeProvider inner, int speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(speed, 10_000);
        _inner = inner;
        Speed = speed;
        _startTimestamp = inner.GetTimestamp();
        _start = inner.GetUtcNow();
    }

    /// <summary>How many simulated seconds pass per inner second.</summary>
    public int Speed { get; }

    /// <summary>The instant the clock started at (the inner clock's now at construction).</summary>
    public DateTimeOffset StartedAt => _start;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + ToSimulated(_inner.GetElapsedTime(_startTimestamp));

    /// <inheritdoc />
    public override long GetTimestamp() => _startTimestamp + ((_inner.GetTimestamp() - _startTimestamp) * Speed);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ScaledTimer(this, _inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)));
    }

    /// <summary>
    /// The inner-clock span of a simulated span: divided by <see cref="Speed"/> and rounded up to a whole
    /// millisecond (timers count whole milliseconds); zero, negative and infinite spans are returned unchanged.
    /// </summary>
    public TimeSpan ToInner(TimeSpan simulated)
    {
        if (simulated <= TimeSpan.Zero || simulated == Timeout.InfiniteTimeSpan)
        {
            return simulated;
        }

        var ticks = (simulated.Ticks + Speed - 1) / Speed;
        var milliseconds = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>The simulated span of an inner-clock span (multiplied by <see cref="Speed"/>).</summary>
    public TimeSpan ToSimulated(TimeSpan inner) => TimeSpan.FromTicks(inner.Ticks * Speed);
}
