using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// What a dossier tells a unit or officer it counts toward: its receipt day and its category now (null: it no
/// longer counts here, e.g. it was assigned elsewhere). Open dossiers are tracked by id, so the message is a "set",
/// safe to repeat; <paramref name="PreviousFinished"/> names the finished category this counter had for the dossier
/// when an ended dossier's outcome changes (a late event re-judged it) or it leaves.
/// </summary>
public sealed record DossierCount(string DossierId, DateOnly Day, DossierCategory? Category, DossierCategory? PreviousFinished);
