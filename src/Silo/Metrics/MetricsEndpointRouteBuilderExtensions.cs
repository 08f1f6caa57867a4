namespace SlaGrid.Silo.Metrics;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <c>GET <paramref name="path"/></c> (default <c>/metrics</c>) with the exporter's text format 0.0.4.
    /// No key is needed: it carries counts per unit and never a dossier or officer id.
    /// Needs <see cref="MetricsServiceCollectionExtensions.AddSlaGridMetrics"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapSlaGridMetrics(this IEndpointRouteBuilder endpoints, string path = MetricsOptions.DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var exporter = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        endpoints.MapGet(path, context => MetricsEndpoint.ServeAsync(context, exporter))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithDisplayName("Prometheus metrics");
        return endpoints;
    }
}
