using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SlaGrid.Silo.Metrics;

/// <summary>Registers the Prometheus exporter.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="PrometheusExporter"/> (a singleton, created when the host starts so that no
    /// measurement is missed), <see cref="MetricsOptions"/> bound from the <c>Metrics</c> section of
    /// <paramref name="configuration"/> (the root configuration; null: the host's configuration) and validated at
    /// start, and the dedicated metrics port when <see cref="MetricsOptions.Port"/> is set.
    /// Serve the endpoint with <see cref="MetricsEndpointRouteBuilderExtensions.MapSlaGridMetrics"/>.
    /// </summary>
    public static IServiceCollection AddSlaGridMetrics(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MetricsOptions>();
        if (configuration is null)
        {
            options.BindConfiguration(MetricsOptions.SectionName);
        }
        else
        {
            options.Bind(configuration.GetSection(MetricsOptions.SectionName));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.TryAddSingleton(sp => new PrometheusExporter(
            sp.GetRequiredService<IOptions<MetricsOptions>>().Value,
            sp.GetService<IMeterFactory>(),
            sp.GetRequiredService<ILogger<PrometheusExporter>>()));
        services.TryAddSingleton<MetricsPortServer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricsPortServer>(sp => sp.GetRequiredService<MetricsPortServer>()));
        return services;
    }
}
