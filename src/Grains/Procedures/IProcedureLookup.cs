using System.Diagnostics.CodeAnalysis;

namespace SlaGrid.Grains.Procedures;

/// <summary>Finds procedures by code, for the clock. Implementations must be thread-safe for reads.</summary>
public interface IProcedureLookup
{
    /// <summary>The procedure with this code, if known.</summary>
    bool TryGet(string code, [NotNullWhen(true)] out Procedure? procedure);
}
