using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Hosting;

/// <summary>
/// A grain runtime without a host, for tests, benchmarks and tools: a service provider with
/// <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/> and the same start/stop as the hosted service.
/// Register a <c>TimeProvider</c> (a fake one in tests) and stores in <c>configureServices</c>.
/// </summary>
public sealed class GrainRuntimeHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private IHostedService[] _hosted = [];
    private bool _started;
    private bool _stopped;

    private GrainRuntimeHost(ServiceProvider provider)
    {
        _provider = provider;
    }

    /// <summary>The services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The grain factory.</summary>
    public IGrainFactory GrainFactory => _provider.GetRequiredService<IGrainFactory>();

    /// <summary>The deadline service.</summary>
    public IDeadlineService Deadlines => _provider.GetRequiredService<IDeadlineService>();

    /// <summary>The stream provider.</summary>
    public IStreamProvider Streams => _provider.GetRequiredService<IStreamProvider>();

    /// <summary>Builds a runtime (not started).</summary>
    public static GrainRuntimeHost Create(Action<GrainRuntimeBuilder> configure, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddGrainRuntime(configure);
        return new GrainRuntimeHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Builds and starts a runtime.</summary>
    public static async Task<GrainRuntimeHost> StartNewAsync(
        Action<GrainRuntimeBuilder> configure, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var host = Create(configure, configureServices);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Validates the options and starts the runtime's timers and the deadline service.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _provider.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        _ = _provider.GetRequiredService<IOptions<DeadlineOptions>>().Value;
        _hosted = [.. _provider.GetServices<IHostedService>()];
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(cancellationToken);
        }

        _started = true;
    }

    /// <summary>Stops the deadline service and deactivates every grain.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started || _stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(cancellationToken);
        }
    }

    /// <summary>How many activations of <paramref name="grainType"/> (all types: null) are active.</summary>
    public long GetActivationCount(string? grainType = null) => _provider.GetRequiredService<GrainRuntime>().CountActivations(grainType);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Bounded on the real clock: a grain stuck in a call must not hang a test run's teardown.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30), TimeProvider.System);
        try
        {
            await StopAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            // Left behind: the provider's disposal below still releases what it can.
        }

        await _provider.DisposeAsync();
    }
}
