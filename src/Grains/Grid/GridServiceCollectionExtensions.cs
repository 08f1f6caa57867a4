using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Reference;
using SlaGrid.Runtime.Hosting;

namespace SlaGrid.Grains.Grid;

/// <summary>Registers the grid: its grains on the runtime and the services they share.</summary>
public static class GridServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime with the dossier, unit and officer grains, and the grid's shared services. The caller
    /// provides the stores (<c>ISlaGridStorage</c>, <c>IGrainStateStore</c>, <c>IDeadlineStore</c>), an
    /// <c>IDossierCommitter</c>, <c>GridOptions</c>, logging, metrics and the <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddSlaGridGrains(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCatalog>();
        services.AddSingleton<LiveHub>();
        services.AddSingleton<GridSeed>();
        services.AddSingleton<RollupTracker>();
        services.AddSingleton<GridMetrics>();
        services.AddSingleton<GridContext>();
        services.AddSingleton<GridBootstrap>();
        services.AddSingleton<IngestService>();
        services.AddGrainRuntime(runtime => runtime
            .AddGrain<IDossierGrain, DossierGrain>()
            .AddGrain<IUnitGrain, UnitGrain>()
            .AddGrain<IOfficerGrain, OfficerGrain>());
        return services;
    }
}
