using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Demo;

/// <summary>A procedure of the synthetic province: its reference record, the office that handles it, and how common it is.</summary>
/// <param name="Procedure">The reference data, as <c>PUT /api/v1/procedures</c> takes it.</param>
/// <param name="Desk">Which offices receive it.</param>
/// <param name="Weight">Its relative share of those offices' dossiers.</param>
internal sealed record DemoProcedure(Procedure Procedure, DemoDesk Desk, double Weight)
{
    /// <summary>The procedure code.</summary>
    public string Code => Procedure.Code;
}
