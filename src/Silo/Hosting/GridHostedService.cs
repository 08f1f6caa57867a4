using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Silo.Alerts;

namespace SlaGrid.Silo.Hosting;

/// <summary>
/// Starts the grid before anything else serves: migrates the store, rebuilds counts from it, and wakes the unit
/// tree. Registered before the grain runtime's own service, so durable deadlines are armed only after the counts
/// they will move exist.
/// </summary>
internal sealed partial class GridHostedService(
    ISlaGridStorage storage,
    GridContext grid,
    GridBootstrap bootstrap,
    AlertSignal signal,
    ILogger<GridHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger, storage.Provider);
        await storage.MigrateAsync(cancellationToken);
        grid.Committed = signal.Notify;
        await bootstrap.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting SlaGrid on {Provider} storage")]
    private static partial void LogStarting(ILogger logger, string provider);
}
