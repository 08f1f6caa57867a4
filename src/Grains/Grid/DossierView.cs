using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Grid;

/// <summary>A dossier's state and what the clock says of it at <paramref name="AsOf"/>.</summary>
public sealed record DossierView(DossierState State, DateTimeOffset AsOf, bool Overdue, bool DueSoon);
