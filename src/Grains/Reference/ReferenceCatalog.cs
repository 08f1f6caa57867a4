using System.Collections.Frozen;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Reference;

/// <summary>
/// The reference data every grain reads: the unit tree, officers and procedures, as immutable snapshots that are
/// swapped whole after each upsert (the store is written first, so a crash never leaves memory ahead of it).
/// </summary>
public sealed class ReferenceCatalog
{
    private volatile UnitTree _units = UnitTree.Empty;
    private volatile FrozenDictionary<string, OfficerRecord> _officers = FrozenDictionary<string, OfficerRecord>.Empty;
    private volatile FrozenDictionary<string, ProcedureRecord> _procedures = FrozenDictionary<string, ProcedureRecord>.Empty;

    /// <summary>Raised after units change (old tree, new tree), so that grains can move totals.</summary>
    public event Action<UnitTree, UnitTree>? UnitsChanged;

    /// <summary>The current unit tree.</summary>
    public UnitTree Units => _units;

    /// <summary>The current officers by id.</summary>
    public IReadOnlyDictionary<string, OfficerRecord> Officers => _officers;

    /// <summary>The current procedures by code.</summary>
    public IReadOnlyDictionary<string, ProcedureRecord> Procedures => _procedures;

    /// <summary>Loads everything from the store (at start).</summary>
    public async Task LoadAsync(IReferenceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var units = await store.GetUnitsAsync(cancellationToken);
        var officers = await store.GetOfficersAsync(cancellationToken);
        var procedures = await store.GetProceduresAsync(cancellationToken);
        SetUnits(UnitTree.From(units));
        SetOfficers(officers);
        SetProcedures(procedures);
    }

    /// <summary>Replaces the unit tree.</summary>
    public void SetUnits(UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var old = _units;
        _units = tree;
        UnitsChanged?.Invoke(old, tree);
    }

    /// <summary>Replaces the officers.</summary>
    public void SetOfficers(IEnumerable<OfficerRecord> officers) =>
        _officers = officers.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);

    /// <summary>Merges upserted officers into the current set.</summary>
    public void MergeOfficers(IEnumerable<OfficerRecord> officers)
    {
        var merged = new Dictionary<string, OfficerRecord>(_officers, StringComparer.Ordinal);
        foreach (var officer in officers)
        {
            merged[officer.Id] = officer;
        }

        _officers = merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Replaces the procedures.</summary>
    public void SetProcedures(IEnumerable<ProcedureRecord> procedures) =>
        _procedures = procedures.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>Merges upserted procedures into the current set.</summary>
    public void MergeProcedures(IEnumerable<ProcedureRecord> procedures)
    {
        var merged = new Dictionary<string, ProcedureRecord>(_procedures, StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            merged[procedure.Code] = procedure;
        }

        _procedures = merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The leaders of a unit (empty if unknown).</summary>
    public IReadOnlyList<string> LeadersOf(string? unitId) =>
        unitId is not null && _units.Find(unitId) is { } unit ? unit.Leaders : [];
}
