namespace SlaGrid.Runtime.Deadlines;

/// <summary>Options of the durable deadline service (configuration section <c>SlaGrid:Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>The configuration section bound to these options.</summary>
    public const string SectionName = "SlaGrid:Deadlines";

    /// <summary>How far ahead deadlines are held in memory. Default: 10 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the window is extended from the store; less than <see cref="Window"/>. Default: 1 minute.</summary>
    public TimeSpan RefillInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many deliveries may run at once. Default: 256.</summary>
    public int MaxConcurrency { get; set; } = 256;

    /// <summary>How many deadlines one store query returns. Default: 5,000.</summary>
    public int PageSize { get; set; } = 5_000;

    /// <summary>
    /// The most deadlines held in memory: when a window would hold more (a backlog after downtime), it is cut short and
    /// extended as they fire. At least <see cref="PageSize"/>. Default: 1,000,000.
    /// </summary>
    public int MaxInMemory { get; set; } = 1_000_000;

    /// <summary>The first retry delay after a failed delivery; doubled on each failure. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay. Default: 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The delay before retrying a failed store query (initial load or refill). Default: 5 seconds.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
