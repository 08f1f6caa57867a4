using System.Text.Json;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime;

/// <summary>
/// A grain with persistent state (Orleans' <c>Grain&lt;TState&gt;</c>): <see cref="State"/> is loaded before
/// <see cref="Grain.OnActivateAsync"/>; writes are compare-and-swap on the stored version (ETag) through
/// <see cref="IGrainStateStore"/>, serialized as JSON (System.Text.Json, web defaults).
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    private string? _etag;

    /// <summary>The grain's state (a new <typeparamref name="TState"/> when none is stored).</summary>
    protected TState State { get; set; } = new();

    /// <summary>True when the state was read from or written to the store (and not cleared since).</summary>
    protected bool RecordExists => _etag is not null;

    /// <summary>Re-reads the state from the store, replacing <see cref="State"/>.</summary>
    protected async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await Activation.Runtime.StateStore.ReadAsync(GrainType, GrainKey, cancellationToken);
        if (stored is null)
        {
            State = new TState();
            _etag = null;
            return;
        }

        State = JsonSerializer.Deserialize<TState>(stored.Data, GrainStateJson.Options)
            ?? throw new InvalidOperationException($"Stored state of {GrainType}/{GrainKey} is null.");
        _etag = stored.ETag;
    }

    /// <summary>
    /// Writes <see cref="State"/> if the stored version is the one this activation last read or wrote.
    /// </summary>
    /// <exception cref="InconsistentStateException">
    /// Someone else wrote in between. Never retried silently; if it escapes the call, the activation is deactivated
    /// so the next call starts from the stored state.
    /// </exception>
    protected async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(State, GrainStateJson.Options);
        _etag = await Activation.Runtime.StateStore.WriteAsync(GrainType, GrainKey, data, _etag, cancellationToken);
    }

    /// <summary>Deletes the stored state (compare-and-swap) and resets <see cref="State"/> to a new value.</summary>
    /// <exception cref="InconsistentStateException">Someone else wrote in between.</exception>
    protected async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await Activation.Runtime.StateStore.ClearAsync(GrainType, GrainKey, _etag, cancellationToken);
        _etag = null;
        State = new TState();
    }

    internal override Task LoadStateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);
}
