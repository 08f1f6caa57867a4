using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;
using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

/// <summary>Builds a started runtime over a fake clock with the test grains.</summary>
public static class TestRuntime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<GrainRuntimeHost> StartAsync(
        FakeTimeProvider time,
        Probe probe,
        Action<GrainRuntimeOptions>? runtime = null,
        Action<DeadlineOptions>? deadlines = null,
        IDeadlineStore? deadlineStore = null,
        IGrainStateStore? stateStore = null)
    {
        var host = GrainRuntimeHost.Create(
            b =>
            {
                b.AddGrain<ICounterGrain, CounterGrain>()
                    .AddGrain<IWorkerGrain, WorkerGrain>()
                    .AddGrain<IReentrantWorkerGrain, ReentrantWorkerGrain>()
                    .AddGrain<IAlarmGrain, AlarmGrain>()
                    .AddGrain<IRollupGrain, RollupGrain>();
                if (runtime is not null)
                {
                    b.Configure(runtime);
                }

                if (deadlines is not null)
                {
                    b.ConfigureDeadlines(deadlines);
                }
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton(probe);
                if (deadlineStore is not null)
                {
                    services.AddSingleton(deadlineStore);
                }

                if (stateStore is not null)
                {
                    services.AddSingleton(stateStore);
                }
            });
        await host.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Waits (on the real clock, generously) until <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }

            await Task.Delay(5);
        }
    }
}
