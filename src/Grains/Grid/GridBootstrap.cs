using System.Diagnostics;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// Brings the grid up after a start: loads reference data and the calendar, rebuilds every unit's and officer's
/// counts from the stored dossiers (one pass), then wakes the top units, which reconcile with their children all the
/// way down. Until it is done, ingestion answers 503.
/// </summary>
public sealed partial class GridBootstrap(GridContext grid, IGrainFactory grains, ILogger<GridBootstrap> logger)
{
    /// <summary>Whether the grid serves counts.</summary>
    public bool IsReady => grid.Seed.IsReady;

    /// <summary>Runs the bootstrap.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await grid.Catalog.LoadAsync(grid.Storage.Reference, cancellationToken);
        grid.Reconfigure(await grid.Storage.Reference.GetCalendarAsync(cancellationToken));

        var now = grid.Time.GetUtcNow();
        await foreach (var dossier in grid.Storage.Dossiers.StreamDossiersAsync(openOnly: false, cancellationToken))
        {
            grid.Seed.Add(dossier.UnitId, dossier.OfficerId, new DossierCount(dossier.Id, dossier.ReceiptDate, CategoryOf(dossier, now), null));
        }

        grid.Seed.MarkReady();
        foreach (var unit in grid.Catalog.Units.Units.Where(u => u.ParentId is null))
        {
            await grains.GetGrain<IUnitGrain>(unit.Id).GetSnapshotAsync(cancellationToken);
        }

        // Units outside the tree that still have dossiers (a unit deleted by hand from the store) wake too.
        foreach (var unit in grid.Seed.PendingUnits)
        {
            await grains.GetGrain<IUnitGrain>(unit).GetOwnTotalsAsync(cancellationToken);
        }

        LogReady(logger, grid.Seed.DossierCount, grid.Catalog.Units.Count, watch.Elapsed);
    }

    /// <summary>The category a stored dossier is in at <paramref name="now"/> (the same rules as the clock's).</summary>
    public static DossierCategory CategoryOf(DossierRecord d, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.FinishedAt is not null)
        {
            return d.Outcome switch
            {
                "early" => DossierCategory.FinishedEarly,
                "on_time" => DossierCategory.FinishedOnTime,
                _ => DossierCategory.FinishedLate,
            };
        }

        if (d.Paused)
        {
            return DossierCategory.Paused;
        }

        if (d.DueAt is { } due && now > due)
        {
            return DossierCategory.Overdue;
        }

        return d.DueSoonAt is { } soon && now >= soon ? DossierCategory.DueSoon : DossierCategory.Running;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grid ready: {Dossiers} dossiers counted over {Units} units in {Elapsed}")]
    private static partial void LogReady(ILogger logger, long dossiers, int units, TimeSpan elapsed);
}
