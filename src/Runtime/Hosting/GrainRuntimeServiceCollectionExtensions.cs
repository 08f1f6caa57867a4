using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaGrid.Runtime.Core;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Diagnostics;
using SlaGrid.Runtime.Storage;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Hosting;

/// <summary>Adds the grain runtime to a service collection.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/>, <see cref="IStreamProvider"/>, <see cref="IDeadlineService"/>,
    /// options bound from <c>SlaGrid:Runtime</c> and <c>SlaGrid:Deadlines</c> (validated at start), and a hosted
    /// service that starts and stops the deadline service and the idle collector. Stores not registered before or
    /// after are in-memory ones; <see cref="TimeProvider"/> defaults to the system clock. May be called more than once
    /// (grains add up).
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GrainRegistrations))?.ImplementationInstance as GrainRegistrations;
        var registrations = existing ?? new GrainRegistrations();
        configure(new GrainRuntimeBuilder(services, registrations));
        if (existing is not null)
        {
            return services;
        }

        services.AddSingleton(registrations);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainStateStore, InMemoryGrainStateStore>();
        services.TryAddSingleton<IDeadlineStore, InMemoryDeadlineStore>();
        services.AddOptions<GrainRuntimeOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(GrainRuntimeOptions.SectionName).Bind(o))
            .ValidateOnStart();
        services.AddOptions<DeadlineOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(DeadlineOptions.SectionName).Bind(o))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeadlineOptions>, DeadlineOptionsValidator>());
        services.TryAddSingleton(sp => new RuntimeInstruments(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IStreamProvider>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<DeadlineService>();
        services.TryAddSingleton<IDeadlineService>(sp => sp.GetRequiredService<DeadlineService>());
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }
}
