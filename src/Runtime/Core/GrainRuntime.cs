using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Diagnostics;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Core;

/// <summary>
/// The runtime: the grain directory (one activation per grain), message sending, the response-timeout sweep and the
/// idle collector. Everything reads time from the injected <see cref="System.TimeProvider"/>.
/// </summary>
internal sealed partial class GrainRuntime : IGrainFactory, IStreamProvider, IAsyncDisposable, IDisposable
{
    private readonly GrainRuntimeOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _expiryEpochs;
    private readonly TimeSpan _sweepPeriod;
    private IDeadlineService? _deadlines;
    private ITimer? _sweepTimer;
    private ITimer? _collectTimer;
    private long _epoch;

    // Activations that may hold a message the sweep must expire (registered on enqueue, dropped by the sweep once
    // idle): the sweep walks these, not every activation (a silo holds hundreds of thousands, nearly all idle).
    private readonly ConcurrentDictionary<Activation, byte> _watched = new(ReferenceEqualityComparer.Instance);
    private int _collecting;

    public GrainRuntime(
        IServiceProvider services,
        GrainRegistrations registrations,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider timeProvider,
        IGrainStateStore stateStore,
        RuntimeInstruments instruments,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        _options = options.Value;
        TimeProvider = timeProvider;
        StateStore = stateStore;
        Instruments = instruments;
        Logger = logger;
        TurnQuantum = _options.TurnQuantum;
        DeactivationTimeout = _options.DeactivationTimeout;
        _sweepPeriod = TimeSpan.FromTicks(Math.Clamp(_options.ResponseTimeout.Ticks / 30, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _expiryEpochs = (long)Math.Ceiling(_options.ResponseTimeout.Ticks / (double)_sweepPeriod.Ticks) + 1;
        Registry = new GrainRegistry(this, registrations);
        instruments.Attach(this);
    }

    public IServiceProvider Services { get; }

    public TimeProvider TimeProvider { get; }

    public IGrainStateStore StateStore { get; }

    public RuntimeInstruments Instruments { get; }

    public ILogger Logger { get; }

    public GrainRegistry Registry { get; }

    public int TurnQuantum { get; }

    public TimeSpan DeactivationTimeout { get; }

    public IDeadlineService Deadlines => _deadlines ??= Services.GetRequiredService<IDeadlineService>();

    /// <summary>The response-timeout epoch: advanced on every sweep tick.</summary>
    public long Epoch => Volatile.Read(ref _epoch);

    public CancellationToken StoppingToken => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return (TGrainInterface)(object)Registry.GetInterface(typeof(TGrainInterface)).CreateProxy(key);
    }

    public IAsyncStream<T> GetStream<T>(StreamId id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Namespace, nameof(id));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(id));
        return new AsyncStream<T>(this, id);
    }

    /// <summary>How many activations of <paramref name="grainType"/> (all types: null) are active.</summary>
    public long CountActivations(string? grainType = null) =>
        grainType is null ? Registry.Classes.Sum(c => c.LiveCount) : Registry.FindClass(grainType)?.LiveCount ?? 0;

    public void Start()
    {
        _sweepTimer ??= TimeProvider.CreateTimer(static s => ((GrainRuntime)s!).Sweep(), this, _sweepPeriod, _sweepPeriod);
        _collectTimer ??= TimeProvider.CreateTimer(
            static s => ((GrainRuntime)s!).Collect(), this, _options.CollectionScanInterval, _options.CollectionScanInterval);
    }

    /// <summary>Stops the timers and deactivates every activation (reason: shutting down).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _collectTimer?.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The runtime is stopping.");
        var gone = new List<Task>();
        foreach (var grainClass in Registry.Classes)
        {
            foreach (var activation in grainClass.Directory.Values)
            {
                activation.RequestDeactivation(reason);
                gone.Add(activation.WhenGone());
            }
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(gone).WaitAsync(cancellationToken);
        _sweepTimer?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _sweepTimer?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Stops the timers and refuses new calls, without deactivating grains (a container disposed synchronously).</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _collectTimer?.Dispose();
        _sweepTimer?.Dispose();
    }

    /// <summary>Sends a call through a reference, using its cached activation when that is still alive.</summary>
    internal void Send(GrainProxy proxy, IMessage message)
    {
        var cached = proxy.CachedActivation;
        if (cached is not null && cached.Enqueue(message))
        {
            return;
        }

        proxy.CachedActivation = SendTo(proxy.GrainClass, proxy.Key, message);
    }

    /// <summary>Sends a message to grain (class, key), activating it if needed; returns the activation that took it.</summary>
    internal Activation SendTo(GrainClassInfo grainClass, string key, IMessage message)
    {
        if (IsStopping)
        {
            throw new InvalidOperationException($"The grain runtime is stopped: {message.Describe()} was not sent.");
        }

        while (true)
        {
            var activation = grainClass.Directory.GetOrAdd(key, static (k, s) => new Activation(s.Runtime, s.Class, k), (Runtime: this, Class: grainClass));
            if (activation.Enqueue(message))
            {
                return activation;
            }

            // The activation went away between the lookup and the enqueue: its directory entry is already gone or
            // replaced by its successor, so look again.
        }
    }

    /// <summary>Sends a message left over by a deactivation that could not hand it to a successor.</summary>
    internal void Resend(GrainClassInfo grainClass, string key, IMessage message)
    {
        try
        {
            SendTo(grainClass, key, message);
        }
        catch (InvalidOperationException ex)
        {
            message.Fail(ex);
        }
    }

    /// <summary>Delivers a durable deadline to its grain; the task ends when the handler has.</summary>
    internal Task DeliverDeadlineAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        var grainClass = Registry.FindClass(entry.GrainType);
        if (grainClass is null || !grainClass.IsDeadlineReceiver)
        {
            return Task.FromException(new InvalidOperationException($"Grain type '{entry.GrainType}' is not registered as an IDeadlineReceiver."));
        }

        var delivery = new DeadlineDelivery(this, entry, cancellationToken);
        SendTo(grainClass, entry.GrainKey, delivery);
        return delivery.Task;
    }

    private void Sweep()
    {
        var epoch = Interlocked.Increment(ref _epoch);
        var expired = epoch - _expiryEpochs;
        if (expired < 0)
        {
            return;
        }

        foreach (var activation in _watched.Keys)
        {
            activation.ExpireMessages(expired);
        }
    }

    /// <summary>Adds an activation to the ones the sweep visits (called under its lock).</summary>
    internal void Watch(Activation activation) => _watched.TryAdd(activation, 0);

    /// <summary>Removes an activation from the ones the sweep visits (called under its lock).</summary>
    internal void Unwatch(Activation activation) => _watched.TryRemove(activation, out _);

    /// <summary>How many activations the sweep visits (tests, diagnostics).</summary>
    internal int WatchedCount => _watched.Count;

    private void Collect()
    {
        if (Interlocked.Exchange(ref _collecting, 1) == 1)
        {
            return;
        }

        try
        {
            var now = TimeProvider.GetUtcNow().UtcTicks;
            var age = _options.CollectionAge.Ticks;
            foreach (var grainClass in Registry.Classes)
            {
                if (grainClass.KeepAlive)
                {
                    continue;
                }

                foreach (var pair in grainClass.Directory)
                {
                    pair.Value.CollectIfIdle(now, age);
                }
            }
        }
        catch (Exception ex)
        {
            LogCollectFailed(Logger, ex);
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The idle-activation scan failed")]
    private static partial void LogCollectFailed(ILogger logger, Exception exception);
}
