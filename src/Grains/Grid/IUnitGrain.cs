using SlaGrid.Grains.Measures;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>One unit: its own dossiers' counts plus the latest snapshot of each child, rolled up to its parent.</summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>A dossier of this unit changed category (a "set": safe to repeat).</summary>
    Task ApplyDossierAsync(DossierCount count, CancellationToken cancellationToken);

    /// <summary>A child's snapshot (also delivered through the rollup stream).</summary>
    Task ApplyChildAsync(UnitSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The subtree's current snapshot.</summary>
    [ReadOnly]
    Task<UnitSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The unit's own dossiers' counts (not its subtree), all time.</summary>
    [ReadOnly]
    Task<MeasureCounts> GetOwnTotalsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A snapshot this unit sent up was lost (its parent did not take it within the response timeout, and the runtime
    /// drops such calls): publish the current one again.
    /// </summary>
    Task RepublishAsync(CancellationToken cancellationToken);

    /// <summary>The tree changed: re-read the parent, detach from a former one, publish now.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
