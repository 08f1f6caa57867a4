using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Diagnostics;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Runtime.Storage;
using SlaGrid.Testing;

namespace SlaGrid.Runtime.Tests;

public sealed class HostingTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Probe _probe = new();

    [Fact]
    public void AddGrainRuntime_UsesInMemoryStores_UnlessOthersAreRegistered()
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime(b => b.AddGrain<IWorkerGrain, WorkerGrain>());
        var custom = new InMemoryDeadlineStore();
        services.AddSingleton<IDeadlineStore>(custom);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryGrainStateStore>(provider.GetRequiredService<IGrainStateStore>());
        Assert.Same(custom, provider.GetRequiredService<IDeadlineStore>());
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void Options_HaveOrleansDefaults_AndBindFromConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SlaGrid:Runtime:CollectionAge"] = "00:20:00",
            ["SlaGrid:Deadlines:MaxConcurrency"] = "7",
        }).Build());
        services.AddGrainRuntime(b => b.AddGrain<IWorkerGrain, WorkerGrain>());
        using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        var deadlines = provider.GetRequiredService<IOptions<DeadlineOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), runtime.ResponseTimeout);
        Assert.Equal(TimeSpan.FromMinutes(20), runtime.CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(1), runtime.CollectionScanInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), deadlines.Window);
        Assert.Equal(7, deadlines.MaxConcurrency);
    }

    [Fact]
    public async Task InvalidOptions_FailAtStart()
    {
        await using var host = GrainRuntimeHost.Create(
            b => b.AddGrain<IWorkerGrain, WorkerGrain>().ConfigureDeadlines(o => o.RefillInterval = TimeSpan.FromHours(1)),
            s => s.AddSingleton(_probe));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));
        Assert.Contains("RefillInterval", error.Message);
    }

    [Fact]
    public void GrainInterface_WithNonTaskMethod_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GrainRuntimeHost.Create(b => b.AddGrain<IBadGrain, BadGrain>()).GrainFactory.GetGrain<IBadGrain>("x"));
        Assert.Contains("must return Task", error.Message);
    }

    [Fact]
    public async Task UnregisteredInterface_IsAClearError()
    {
        await using var host = GrainRuntimeHost.Create(b => b.AddGrain<IWorkerGrain, WorkerGrain>(), s => s.AddSingleton(_probe));
        var error = Assert.Throws<InvalidOperationException>(() => host.GrainFactory.GetGrain<ICounterGrain>("x"));
        Assert.Contains("ICounterGrain", error.Message);
    }

    [Fact]
    public async Task ActivationsGauge_CountsActivationsPerGrainType()
    {
        await using var host = await TestRuntime.StartAsync(_time, _probe);
        await host.GrainFactory.GetGrain<IWorkerGrain>("g1").WorkAsync("x", 0);
        await host.GrainFactory.GetGrain<IWorkerGrain>("g2").WorkAsync("x", 0);
        await host.GrainFactory.GetGrain<ICounterGrain>("g1").GetAsync();

        var meter = host.Services.GetRequiredService<RuntimeInstruments>().Meter;
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "slagrid_activations")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "grain")
                {
                    seen[(string)tag.Value!] = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(2, seen["worker"]);
        Assert.Equal(1, seen["counter"]);
        Assert.Equal(0, seen["alarm"]);
    }

    public interface IBadGrain : IGrainWithStringKey
    {
        int NotAsync();
    }

    public sealed class BadGrain : Grain, IBadGrain
    {
        public int NotAsync() => 1;
    }
}
