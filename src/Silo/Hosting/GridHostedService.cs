using System.Runtime;
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

        // The rebuild read every stored dossier and left most of what it allocated as garbage, which the server GC
        // keeps mapped: compact once and give it back to the system, before the silo serves.
        var before = Environment.WorkingSet;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LogCompacted(logger, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Counts rebuilt; heap compacted: working set {BeforeMiB} MiB -> {AfterMiB} MiB")]
    private static partial void LogCompacted(ILogger logger, long beforeMiB, long afterMiB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting SlaGrid on {Provider} storage")]
    private static partial void LogStarting(ILogger logger, string provider);
}
