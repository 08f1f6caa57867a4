using SlaGrid.Grains.Measures;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>One officer: the counts of the dossiers they are accountable for.</summary>
public interface IOfficerGrain : IGrainWithStringKey
{
    /// <summary>A dossier of this officer changed category (a "set": safe to repeat).</summary>
    Task ApplyDossierAsync(DossierCount count, CancellationToken cancellationToken);

    /// <summary>The officer's counts over receipt days in [from, to].</summary>
    [ReadOnly]
    Task<MeasureCounts> GetTotalsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);
}
