using System.Collections.Concurrent;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Tests;

/// <summary>Shared observations the test grains report into (one instance per test, registered in DI).</summary>
public sealed class Probe
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Counters { get; } = new();

    public int Concurrent;
    public int MaxConcurrent;

    public int FailActivations;

    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string e) => Events.Enqueue(e);

    public int Increment(string name) => Counters.AddOrUpdate(name, 1, (_, v) => v + 1);

    public int Count(string name) => Counters.GetValueOrDefault(name);

    public void Enter()
    {
        var now = Interlocked.Increment(ref Concurrent);
        int seen;
        while (now > (seen = Volatile.Read(ref MaxConcurrent)) && Interlocked.CompareExchange(ref MaxConcurrent, now, seen) != seen)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref Concurrent);
}

public sealed class CounterState
{
    public int Value { get; set; }

    public List<string> Log { get; set; } = [];
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount, CancellationToken cancellationToken);

    ValueTask<int> GetAsync();

    Task<int> GetActivatedValueAsync();

    ValueTask ResetAsync();

    Task<string> KeyAsync();

    Task WriteStaleAsync();

    Task<int> ReloadAsync();

    Task RegisterDeadlineAsync();
}

[GrainType("counter")]
public sealed class CounterGrain(Probe probe) : Grain<CounterState>, ICounterGrain
{
    private int _valueAtActivation = -1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Add($"activate:{GrainKey}:{State.Value}");
        probe.Increment("activations");
        if (probe.FailActivations > 0)
        {
            Interlocked.Decrement(ref probe.FailActivations);
            await Task.Yield();
            throw new InvalidOperationException("activation failed on purpose");
        }

        _valueAtActivation = State.Value;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Add($"deactivate:{GrainKey}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> AddAsync(int amount, CancellationToken cancellationToken)
    {
        State.Value += amount;
        State.Log.Add($"+{amount}");
        await WriteStateAsync(cancellationToken);
        return State.Value;
    }

    public ValueTask<int> GetAsync() => ValueTask.FromResult(State.Value);

    public Task<int> GetActivatedValueAsync() => Task.FromResult(_valueAtActivation);

    public async ValueTask ResetAsync() => await ClearStateAsync(CancellationToken.None);

    public Task<string> KeyAsync() => Task.FromResult(GrainKey);

    public async Task WriteStaleAsync()
    {
        // Someone else writes behind this activation's back; its next write must fail loudly.
        var store = (Storage.IGrainStateStore)ServiceProvider.GetService(typeof(Storage.IGrainStateStore))!;
        var current = await store.ReadAsync(GrainType, GrainKey, CancellationToken.None);
        await store.WriteAsync(GrainType, GrainKey, "{\"value\":1000}", current?.ETag, CancellationToken.None);
        State.Value++;
        await WriteStateAsync(CancellationToken.None);
    }

    public Task<int> ReloadAsync() => Task.FromResult(State.Value);

    public Task RegisterDeadlineAsync() => RegisterDeadlineAsync("due", TimeProvider.GetUtcNow(), CancellationToken.None);
}

public interface IWorkerGrain : IGrainWithStringKey
{
    Task<int> WorkAsync(string label, int yields);

    [ReadOnly]
    Task<int> ReadAsync(string label, int yields);

    [AlwaysInterleave]
    Task<string> PingAsync(string label);

    Task WaitGateAsync(string label);

    Task<string> CallOtherAsync(string otherKey, string label, bool backToPing);

    Task<string> CallBackAsync(string callerKey, string label, bool toPing);

    Task HangAsync(CancellationToken cancellationToken);

    Task<int> StartTimerAsync(int periodSeconds, int tickSeconds);

    Task StopTimerAsync();

    Task DeactivateAsync();

    Task<int> CountUnsafelyAsync(int turns, int perTurn);
}

public class WorkerGrainBase(Probe probe) : Grain, IWorkerGrain
{
    private IGrainTimer? _timer;
    private int _unsafeCounter;

    protected Probe Probe => probe;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Add($"deactivate:{GrainKey}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> WorkAsync(string label, int yields)
    {
        probe.Enter();
        probe.Add($"start:{label}");
        for (var i = 0; i < yields; i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }

        probe.Add($"end:{label}");
        probe.Exit();
        return yields;
    }

    public Task<int> ReadAsync(string label, int yields) => WorkAsync(label, yields);

    public Task<string> PingAsync(string label)
    {
        probe.Add($"ping:{label}");
        return Task.FromResult(label);
    }

    public async Task WaitGateAsync(string label)
    {
        probe.Add($"start:{label}");
        await probe.Gate.Task;
        probe.Add($"end:{label}");
    }

    public async Task<string> CallOtherAsync(string otherKey, string label, bool backToPing)
    {
        var other = GrainFactory.GetGrain<IWorkerGrain>(otherKey);
        return await other.CallBackAsync(GrainKey, label, backToPing);
    }

    public async Task<string> CallBackAsync(string callerKey, string label, bool toPing)
    {
        // The caller is addressed as a worker or a reentrant worker, whichever it is.
        IWorkerGrain caller = callerKey.StartsWith("re-", StringComparison.Ordinal)
            ? GrainFactory.GetGrain<IReentrantWorkerGrain>(callerKey)
            : GrainFactory.GetGrain<IWorkerGrain>(callerKey);
        return toPing ? await caller.PingAsync(label) + "-back" : (await caller.WorkAsync(label, 0)) + "-back";
    }

    public Task HangAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public Task<int> StartTimerAsync(int periodSeconds, int tickSeconds)
    {
        _timer = RegisterGrainTimer(
            async ct =>
            {
                probe.Enter();
                var n = probe.Increment("ticks");
                probe.Add($"tick:{n}:{TimeProvider.GetUtcNow():HH:mm:ss}");
                if (tickSeconds > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(tickSeconds), TimeProvider, ct);
                }

                probe.Exit();
            },
            TimeSpan.FromSeconds(periodSeconds),
            TimeSpan.FromSeconds(periodSeconds));
        return Task.FromResult(0);
    }

    public Task StopTimerAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    // Unsynchronized read-modify-write within each turn: lost updates show if two turns ever run in parallel.
    public async Task<int> CountUnsafelyAsync(int turns, int perTurn)
    {
        for (var t = 0; t < turns; t++)
        {
            for (var i = 0; i < perTurn; i++)
            {
                _unsafeCounter++;
            }

            await Task.Yield();
        }

        return _unsafeCounter;
    }
}

[GrainType("worker")]
public sealed class WorkerGrain(Probe probe) : WorkerGrainBase(probe)
{
}

public interface IReentrantWorkerGrain : IWorkerGrain
{
}

[Reentrant]
[GrainType("reentrant-worker")]
public sealed class ReentrantWorkerGrain(Probe probe) : WorkerGrainBase(probe), IReentrantWorkerGrain
{
}

public interface IAlarmGrain : IGrainWithStringKey
{
    Task SetAsync(string name, DateTimeOffset dueAt);

    Task ClearAsync(string name);

    Task FailNextAsync(int times);
}

[GrainType("alarm")]
public sealed class AlarmGrain(Probe probe) : Grain, IAlarmGrain, IDeadlineReceiver
{
    public Task SetAsync(string name, DateTimeOffset dueAt) => RegisterDeadlineAsync(name, dueAt, CancellationToken.None);

    public Task ClearAsync(string name) => UnregisterDeadlineAsync(name, CancellationToken.None);

    public Task FailNextAsync(int times)
    {
        probe.Counters[$"fail:{GrainKey}"] = times;
        return Task.CompletedTask;
    }

    public async Task ReceiveDeadlineAsync(string name, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        probe.Increment($"received:{GrainKey}:{name}");
        if (probe.Counters.TryGetValue($"fail:{GrainKey}", out var fails) && fails > 0)
        {
            probe.Counters[$"fail:{GrainKey}"] = fails - 1;
            probe.Add($"failed:{GrainKey}:{name}:{TimeProvider.GetUtcNow():HH:mm:ss}");
            throw new InvalidOperationException("handler failed on purpose");
        }

        if (GrainKey.StartsWith("block", StringComparison.Ordinal))
        {
            probe.Enter();
            await probe.Gate.Task;
            probe.Exit();
        }

        if (probe.Counters.TryGetValue($"repeat:{GrainKey}", out var repeats) && repeats > 0)
        {
            // Moves its own deadline while it fires: the moved one must survive the completion of this one.
            probe.Counters[$"repeat:{GrainKey}"] = repeats - 1;
            await RegisterDeadlineAsync(name, dueAt.AddMinutes(1), cancellationToken);
        }

        await Task.Yield();
        probe.Add($"fired:{GrainKey}:{name}:{dueAt:HH:mm:ss}");
    }
}

public sealed record UnitSnapshot(string Child, int Version, int Total);

[GrainType("rollup")]
[ImplicitStreamSubscription("rollups")]
public sealed class RollupGrain(Probe probe) : Grain, IStreamConsumer<UnitSnapshot>, IRollupGrain
{
    private readonly List<int> _versions = [];

    public async Task OnNextAsync(UnitSnapshot item, StreamId stream, CancellationToken cancellationToken)
    {
        probe.Enter();
        _versions.Add(item.Version);
        probe.Add($"got:{GrainKey}:{stream.Namespace}:{item.Child}:{item.Version}");
        await Task.Yield();
        probe.Exit();
    }

    public Task<int[]> VersionsAsync() => Task.FromResult(_versions.ToArray());

    public async Task PublishAsync(string parentKey, int count)
    {
        var stream = GetStream<UnitSnapshot>(new StreamId("rollups", parentKey));
        for (var i = 1; i <= count; i++)
        {
            await stream.OnNextAsync(new UnitSnapshot(GrainKey, i, i * 10), CancellationToken.None);
        }
    }
}

public interface IRollupGrain : IGrainWithStringKey
{
    Task<int[]> VersionsAsync();

    Task PublishAsync(string parentKey, int count);
}
