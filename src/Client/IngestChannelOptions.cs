namespace SlaGrid.Client;

/// <summary>Settings of an <see cref="IngestChannel"/>. Defaults are given per property; <see cref="Validate"/> checks them.</summary>
public sealed class IngestChannelOptions
{
    /// <summary>The most events in one <c>POST /api/v1/events</c>. Default: 500.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>
    /// How long a batch that is not full waits for more events before it is sent. Default: 5 ms.
    /// <see cref="TimeSpan.Zero"/> sends whatever is queued at once.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How many events may wait in the queue; senders wait when it is full (back-pressure). Default: 10,000.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>How many batches may be in flight (or waiting to retry) at once. Default: 2.</summary>
    public int MaxConcurrentBatches { get; set; } = 2;

    /// <summary>The first retry delay; it doubles per attempt, with jitter, up to <see cref="MaxBackoff"/>. Default: 200 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest retry delay (when the server sends no <c>Retry-After</c>). Default: 10 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a batch may keep being retried, from its first attempt, before its events are reported
    /// <see cref="EventOutcome.Failed"/>. A retry that would start after this is not made. Default: 2 min.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchSize, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, TimeSpan.Zero, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Capacity, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentBatches, nameof(MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(GiveUpAfter, TimeSpan.Zero, nameof(GiveUpAfter));
    }
}
