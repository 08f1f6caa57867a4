namespace SlaGrid.Silo.Demo;

/// <summary>A unit that receives dossiers in the simulation, with the traits that shape its dossiers.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Desk">Which procedures it receives.</param>
/// <param name="DeskOfficerId">The one-stop desk officer who receives dossiers (bộ phận một cửa).</param>
/// <param name="Handlers">The officers dossiers are assigned to.</param>
/// <param name="Weight">Its relative share of the province's dossiers.</param>
/// <param name="LateRate">The chance that one of its dossiers ends late.</param>
/// <param name="SlowHandler">A handler who is late three times as often, if any.</param>
internal sealed record DemoOffice(
    string UnitId,
    DemoDesk Desk,
    string DeskOfficerId,
    IReadOnlyList<string> Handlers,
    double Weight,
    double LateRate,
    string? SlowHandler);
