namespace SlaGrid.Storage;

/// <summary>Settings of the <see cref="GroupCommitter"/>, validated when it is created.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>At most this many commits go into one transaction (default 2,048; 1 to 100,000).</summary>
    public int MaxBatchSize { get; set; } = 2048;

    /// <summary>
    /// How many group transactions may run at once (default 1: the next group forms while the current one
    /// commits, the natural group commit; 1 to 64). More overlaps client-side work with the database's.
    /// </summary>
    public int MaxConcurrentBatches { get; set; } = 1;

    /// <summary>How many commits may wait; beyond it callers wait to enqueue (back-pressure; default 65,536; 1 to 10,000,000).</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MaxBatchSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "GroupCommitOptions.MaxBatchSize must be between 1 and 100,000.");
        }

        if (MaxConcurrentBatches is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentBatches), MaxConcurrentBatches, "GroupCommitOptions.MaxConcurrentBatches must be between 1 and 64.");
        }

        if (QueueCapacity is < 1 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "GroupCommitOptions.QueueCapacity must be between 1 and 10,000,000.");
        }
    }
}
