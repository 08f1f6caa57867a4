using SlaGrid.Grains.Ingest;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>One dossier: its event log, its clock, its deadlines and alerts.</summary>
public interface IDossierGrain : IGrainWithStringKey, IDeadlineReceiver
{
    /// <summary>
    /// Applies an event (idempotent by event id) and returns only once the effect is durable. A key scoped to
    /// <paramref name="scopeRoot"/> may only touch dossiers of that unit's subtree.
    /// </summary>
    Task<IngestOutcome> ApplyAsync(IncomingEvent incoming, string? scopeRoot, CancellationToken cancellationToken);

    /// <summary>The dossier now, or null if no event of it was ever accepted.</summary>
    [ReadOnly]
    Task<DossierView?> GetAsync(CancellationToken cancellationToken);
}
