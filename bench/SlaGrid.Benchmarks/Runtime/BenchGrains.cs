using System.Collections.Concurrent;
using SlaGrid.Runtime;

namespace SlaGrid.Benchmarks.Runtime;

public interface IPing
{
    Task<int> PingAsync(int value);
}

public interface IPingGrain : IGrainWithStringKey, IPing
{
}

public sealed class DirectPing : IPing
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}

[GrainType("bench-ping")]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}

public interface ICallerGrain : IGrainWithStringKey
{
    Task<long> RunAsync(string targetKey, int count);
}

[GrainType("bench-caller")]
public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task<long> RunAsync(string targetKey, int count)
    {
        var target = GrainFactory.GetGrain<IPingGrain>(targetKey);
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await target.PingAsync(i);
        }

        return sum;
    }
}

public interface IEmptyGrain : IGrainWithStringKey
{
    Task TouchAsync();
}

[GrainType("bench-empty")]
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task TouchAsync() => Task.CompletedTask;
}

/// <summary>Collects the lag of deadline handlers, split into the burst and the rest.</summary>
public sealed class LagRecorder
{
    public ConcurrentBag<double> Burst { get; } = [];

    public ConcurrentBag<double> Background { get; } = [];

    public long Fired;

    public void Reset()
    {
        Burst.Clear();
        Background.Clear();
        Interlocked.Exchange(ref Fired, 0);
    }
}

public interface IDeadlineBenchGrain : IGrainWithStringKey
{
}

[GrainType("bench-deadline")]
public sealed class DeadlineBenchGrain(LagRecorder recorder) : Grain, IDeadlineBenchGrain, IDeadlineReceiver
{
    public Task ReceiveDeadlineAsync(string name, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var lag = (TimeProvider.GetUtcNow() - dueAt).TotalSeconds;
        (GrainKey.StartsWith('b') ? recorder.Burst : recorder.Background).Add(lag);
        Interlocked.Increment(ref recorder.Fired);
        return Task.CompletedTask;
    }
}
