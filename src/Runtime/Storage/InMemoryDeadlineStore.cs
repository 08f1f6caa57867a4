namespace SlaGrid.Runtime.Storage;

/// <summary>
/// An in-memory <see cref="IDeadlineStore"/>: a sorted set by (due, type, key, name) plus an index by (type, key, name).
/// Due times are kept, like the durable stores, in UTC with microsecond precision.
/// </summary>
public sealed class InMemoryDeadlineStore : IDeadlineStore
{
    private readonly Lock _gate = new();
    private readonly SortedSet<DeadlineEntry> _byDue = new(DeadlineEntryComparer.Instance);
    private readonly Dictionary<(string Type, string Key, string Name), DeadlineEntry> _byId = [];

    /// <summary>Truncates to microseconds, in UTC (what the durable stores keep).</summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <inheritdoc />
    public Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var normalized = entry with { DueAt = Normalize(entry.DueAt) };
        lock (_gate)
        {
            var id = (entry.GrainType, entry.GrainKey, entry.Name);
            if (_byId.TryGetValue(id, out var old))
            {
                _byDue.Remove(old);
            }

            _byId[id] = normalized;
            _byDue.Add(normalized);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_byId.Remove((grainType, grainKey, name), out var old))
            {
                _byDue.Remove(old);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var due = Normalize(entry.DueAt);
        lock (_gate)
        {
            var id = (entry.GrainType, entry.GrainKey, entry.Name);
            if (!_byId.TryGetValue(id, out var current) || current.DueAt != due)
            {
                return Task.FromResult(false);
            }

            _byId.Remove(id);
            _byDue.Remove(current);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadlineEntry>> GetDueBeforeAsync(DateTimeOffset until, DeadlineEntry? after, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var result = new List<DeadlineEntry>(Math.Min(limit, 1024));
        lock (_gate)
        {
            if (_byDue.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<DeadlineEntry>>(result);
            }

            var lower = after is null ? _byDue.Min! : after with { DueAt = Normalize(after.DueAt) };
            var upper = _byDue.Max!;
            if (DeadlineEntryComparer.Instance.Compare(lower, upper) > 0)
            {
                return Task.FromResult<IReadOnlyList<DeadlineEntry>>(result);
            }

            foreach (var entry in _byDue.GetViewBetween(lower, upper))
            {
                if (entry.DueAt >= until || result.Count == limit)
                {
                    break;
                }

                if (after is not null && DeadlineEntryComparer.Instance.Compare(entry, lower) == 0)
                {
                    continue;
                }

                result.Add(entry);
            }
        }

        return Task.FromResult<IReadOnlyList<DeadlineEntry>>(result);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult((long)_byDue.Count);
        }
    }
}
