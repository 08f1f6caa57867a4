using System.Collections.Concurrent;
using System.Globalization;

namespace SlaGrid.Runtime.Storage;

/// <summary>An in-memory <see cref="IGrainStateStore"/> with the same compare-and-swap rules as the durable ones.</summary>
public sealed class InMemoryGrainStateStore : IGrainStateStore
{
    private readonly ConcurrentDictionary<(string Type, string Key), StoredState> _states = new();
    private long _version;

    /// <summary>How many grains have stored state.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_states.GetValueOrDefault((grainType, grainKey)));
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string grainType, string grainKey, string data, string? expectedETag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(data);
        var id = (grainType, grainKey);
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        var next = new StoredState(data, etag);
        if (expectedETag is null)
        {
            if (!_states.TryAdd(id, next))
            {
                throw new InconsistentStateException(grainType, grainKey, expectedETag, _states.GetValueOrDefault(id)?.ETag);
            }

            return Task.FromResult(etag);
        }

        if (!_states.TryGetValue(id, out var current) || current.ETag != expectedETag || !_states.TryUpdate(id, next, current))
        {
            throw new InconsistentStateException(grainType, grainKey, expectedETag, _states.GetValueOrDefault(id)?.ETag);
        }

        return Task.FromResult(etag);
    }

    /// <inheritdoc />
    public Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = (grainType, grainKey);
        if (!_states.TryGetValue(id, out var current))
        {
            return expectedETag is null
                ? Task.CompletedTask
                : Task.FromException(new InconsistentStateException(grainType, grainKey, expectedETag, null));
        }

        if (current.ETag != expectedETag || !_states.TryRemove(new KeyValuePair<(string, string), StoredState>(id, current)))
        {
            return Task.FromException(new InconsistentStateException(grainType, grainKey, expectedETag, _states.GetValueOrDefault(id)?.ETag));
        }

        return Task.CompletedTask;
    }
}
