namespace SlaGrid.Runtime.Storage;

/// <summary>
/// Persistent grain state, compare-and-swap on a version (Orleans' <c>IGrainStorage</c> with ETags).
/// A write or clear that presents a stale ETag fails with <see cref="InconsistentStateException"/>;
/// nothing is ever overwritten silently.
/// </summary>
public interface IGrainStateStore
{
    /// <summary>Reads a grain's state, or null when none was written (or it was cleared).</summary>
    Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a grain's state if the stored version is <paramref name="expectedETag"/> (null: nothing stored yet)
    /// and returns the new ETag.
    /// </summary>
    /// <exception cref="InconsistentStateException">The stored version differs from <paramref name="expectedETag"/>.</exception>
    Task<string> WriteAsync(string grainType, string grainKey, string data, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes a grain's state if the stored version is <paramref name="expectedETag"/>.</summary>
    /// <exception cref="InconsistentStateException">The stored version differs from <paramref name="expectedETag"/>.</exception>
    Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken);
}
