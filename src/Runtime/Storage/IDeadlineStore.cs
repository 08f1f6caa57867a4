namespace SlaGrid.Runtime.Storage;

/// <summary>
/// The durable deadline index, ordered by due time. The runtime keeps only the next window of it in memory,
/// so an implementation must answer "what falls due before T" cheaply (an index on the due column).
/// Timestamps are stored with microsecond precision in UTC; callers must not rely on finer precision.
/// </summary>
public interface IDeadlineStore
{
    /// <summary>Registers or moves the deadline (grain, name), idempotently.</summary>
    Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the deadline (grain, name) whatever its due time; no error if absent.</summary>
    Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the deadline only if it is still due at <see cref="DeadlineEntry.DueAt"/> (it was not moved
    /// while it fired). Returns whether a row was removed.
    /// </summary>
    Task<bool> CompleteAsync(DeadlineEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// The deadlines due strictly before <paramref name="until"/>, ordered by (due, type, key, name), starting after
    /// <paramref name="after"/> (exclusive; null: from the start), at most <paramref name="limit"/> of them.
    /// </summary>
    Task<IReadOnlyList<DeadlineEntry>> GetDueBeforeAsync(DateTimeOffset until, DeadlineEntry? after, int limit, CancellationToken cancellationToken);

    /// <summary>How many deadlines are stored (for tests, metrics and readiness).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
