namespace SlaGrid.Bench.EndToEnd;

/// <summary>Converts monotonic timestamps to wall-clock instants (one anchor per run; drift over minutes is negligible).</summary>
internal sealed class WallClock(TimeProvider time)
{
    private readonly DateTimeOffset _anchorWall = time.GetUtcNow();
    private readonly long _anchorTicks = time.GetTimestamp();

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The wall-clock instant of timestamp <paramref name="timestamp"/>.</summary>
    public DateTimeOffset ToWall(long timestamp) =>
        _anchorWall + TimeSpan.FromSeconds((timestamp - _anchorTicks) / (double)time.TimestampFrequency);
}
