using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Storage;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime;

/// <summary>
/// The base of grain classes (Orleans' <c>Grain</c>). The runtime creates grains with
/// <c>ActivatorUtilities</c>, so a grain takes its services in its (primary) constructor. One turn at a time runs
/// per activation; each <c>await</c> ends a turn; do not use <c>ConfigureAwait(false)</c> in grain code.
/// </summary>
public abstract class Grain
{
    private readonly Activation _activation;

    /// <summary>Binds the grain to the activation the runtime is creating it for.</summary>
    /// <exception cref="InvalidOperationException">The grain is created outside the runtime.</exception>
    protected Grain()
    {
        _activation = Activation.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: the runtime creates it (get a reference from IGrainFactory).");
    }

    /// <summary>The grain's key.</summary>
    public string GrainKey => _activation.Key;

    /// <summary>The grain's stable type name (<see cref="GrainTypeAttribute"/>, or the class name).</summary>
    public string GrainType => _activation.Type.Name;

    /// <summary>Makes references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    /// <summary>The clock; never read the system clock in grain code.</summary>
    protected TimeProvider TimeProvider => _activation.Runtime.TimeProvider;

    /// <summary>The runtime's services.</summary>
    protected IServiceProvider ServiceProvider => _activation.Runtime.Services;

    internal Activation Activation => _activation;

    /// <summary>Runs when the grain activates, after its state was loaded and before any call. A throw fails the
    /// activation and the calls waiting for it; the next call tries again.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is deactivated (idle, requested, shutting down), after its timers were stopped.
    /// Not guaranteed to run (a crash skips it).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts a grain timer: <paramref name="callback"/> runs as a turn of this grain after <paramref name="dueTime"/>,
    /// then <paramref name="period"/> after each tick ends (<see cref="Timeout.InfiniteTimeSpan"/>: once). Ticks never
    /// overlap, do not interleave with calls (unless the grain is reentrant), do not count as activity, are not
    /// persisted, and stop on deactivation (the token is then cancelled). A failing tick is logged; the timer goes on.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _activation.RegisterTimer(callback, dueTime, period);
    }

    /// <summary>Deactivates this activation once the running call ends; calls queued behind it go to a new activation.</summary>
    protected void DeactivateOnIdle() =>
        _activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>
    /// Registers (or moves) the durable deadline <paramref name="name"/> of this grain; it will be delivered to
    /// <see cref="IDeadlineReceiver.ReceiveDeadlineAsync"/> at <paramref name="dueAt"/> (at once if past), even after
    /// a restart. The grain class must implement <see cref="IDeadlineReceiver"/>.
    /// </summary>
    protected Task RegisterDeadlineAsync(string name, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_activation.Type.IsDeadlineReceiver)
        {
            throw new InvalidOperationException($"Grain type '{GrainType}' must implement IDeadlineReceiver to register deadlines.");
        }

        return _activation.Runtime.Deadlines.ScheduleAsync(new DeadlineEntry(GrainType, GrainKey, name, dueAt), cancellationToken);
    }

    /// <summary>Removes the durable deadline <paramref name="name"/> of this grain; no error if absent.</summary>
    protected Task UnregisterDeadlineAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _activation.Runtime.Deadlines.CancelAsync(GrainType, GrainKey, name, cancellationToken);
    }

    /// <summary>The stream at <paramref name="id"/>, to publish to.</summary>
    protected IAsyncStream<T> GetStream<T>(StreamId id) => _activation.Runtime.GetStream<T>(id);

    internal virtual Task LoadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
