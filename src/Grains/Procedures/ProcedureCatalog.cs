using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SlaGrid.Grains.Procedures;

/// <summary>An immutable set of procedures by code (ordinal). A code given twice keeps the last one.</summary>
public sealed class ProcedureCatalog : IProcedureLookup
{
    private readonly FrozenDictionary<string, Procedure> _byCode;

    /// <summary>A catalog of <paramref name="procedures"/>.</summary>
    public ProcedureCatalog(IEnumerable<Procedure> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var map = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        foreach (var p in procedures)
        {
            map[p.Code] = p;
        }

        _byCode = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>No procedures.</summary>
    public static ProcedureCatalog Empty { get; } = new([]);

    /// <summary>All procedures.</summary>
    public IEnumerable<Procedure> All => _byCode.Values;

    /// <summary>This catalog with <paramref name="procedures"/> added or replaced (by code).</summary>
    public ProcedureCatalog With(IEnumerable<Procedure> procedures) => new(_byCode.Values.Concat(procedures));

    /// <inheritdoc />
    public bool TryGet(string code, [NotNullWhen(true)] out Procedure? procedure) => _byCode.TryGetValue(code, out procedure);
}
