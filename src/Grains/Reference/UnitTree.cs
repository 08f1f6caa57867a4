using System.Collections.Frozen;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Reference;

/// <summary>
/// An immutable snapshot of the administrative tree (nation → province → [district] → commune, any depth).
/// Replaced whole when units are upserted, so readers never see a half-applied change.
/// </summary>
public sealed class UnitTree
{
    /// <summary>The level name that marks a province; metrics label every unit with its province.</summary>
    public const string ProvinceLevel = "province";

    private readonly FrozenDictionary<string, UnitRecord> _units;
    private readonly FrozenDictionary<string, string[]> _children;

    private UnitTree(FrozenDictionary<string, UnitRecord> units)
    {
        _units = units;
        _children = units.Values
            .Where(u => u.ParentId is not null)
            .GroupBy(u => u.ParentId!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(u => u.Id).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A tree with no units.</summary>
    public static UnitTree Empty { get; } = new(FrozenDictionary<string, UnitRecord>.Empty);

    /// <summary>How many units the tree holds.</summary>
    public int Count => _units.Count;

    /// <summary>All units.</summary>
    public IEnumerable<UnitRecord> Units => _units.Values;

    /// <summary>Builds a tree from stored units (assumed valid).</summary>
    public static UnitTree From(IEnumerable<UnitRecord> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new UnitTree(units.ToFrozenDictionary(u => u.Id, StringComparer.Ordinal));
    }

    /// <summary>
    /// The tree with <paramref name="upserts"/> applied, or an error message if the result would be invalid: a parent
    /// that exists neither in the tree nor in the batch, a unit that is its own ancestor (a cycle), or an empty id.
    /// </summary>
    public UnitTree WithUpserts(IReadOnlyList<UnitRecord> upserts, out string? error)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        var merged = new Dictionary<string, UnitRecord>(_units, StringComparer.Ordinal);
        foreach (var unit in upserts)
        {
            merged[unit.Id] = unit;
        }

        foreach (var unit in upserts)
        {
            if (unit.ParentId is { } parent && !merged.ContainsKey(parent))
            {
                error = $"unit '{unit.Id}' names parent '{parent}', which is not a known unit";
                return this;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
            for (var p = unit.ParentId; p is not null; p = merged[p].ParentId)
            {
                if (!seen.Add(p))
                {
                    error = $"unit '{unit.Id}' would be its own ancestor (a cycle through '{p}')";
                    return this;
                }
            }
        }

        error = null;
        return new UnitTree(merged.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Whether the unit exists.</summary>
    public bool Contains(string unitId) => _units.ContainsKey(unitId);

    /// <summary>The unit, or null.</summary>
    public UnitRecord? Find(string unitId) => _units.GetValueOrDefault(unitId);

    /// <summary>The unit's parent id, or null (top, or unknown unit).</summary>
    public string? ParentOf(string unitId) => _units.GetValueOrDefault(unitId)?.ParentId;

    /// <summary>The unit's direct children.</summary>
    public IReadOnlyList<string> ChildrenOf(string unitId) =>
        _children.TryGetValue(unitId, out var children) ? children : [];

    /// <summary>The unit's ancestors, nearest first (the unit itself excluded).</summary>
    public IEnumerable<string> AncestorsOf(string unitId)
    {
        var guard = 0;
        for (var p = ParentOf(unitId); p is not null && guard++ < 64; p = ParentOf(p))
        {
            yield return p;
        }
    }

    /// <summary>Whether <paramref name="unitId"/> is <paramref name="rootId"/> or below it.</summary>
    public bool IsInSubtree(string unitId, string rootId)
    {
        if (string.Equals(unitId, rootId, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var ancestor in AncestorsOf(unitId))
        {
            if (string.Equals(ancestor, rootId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ids of <paramref name="rootId"/> and every unit below it.</summary>
    public IReadOnlyCollection<string> SubtreeOf(string rootId)
    {
        var result = new List<string>();
        if (!Contains(rootId))
        {
            return result;
        }

        var stack = new Stack<string>();
        stack.Push(rootId);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            result.Add(id);
            foreach (var child in ChildrenOf(id))
            {
                stack.Push(child);
            }
        }

        return result;
    }

    /// <summary>
    /// The province a unit belongs to, for metric labels: the nearest unit at or above it whose level is
    /// <c>province</c>; failing that, the ancestor just below the top (or the unit itself at the top).
    /// </summary>
    public string ProvinceOf(string unitId)
    {
        if (Find(unitId) is { } self && string.Equals(self.Level, ProvinceLevel, StringComparison.OrdinalIgnoreCase))
        {
            return unitId;
        }

        var previous = unitId;
        foreach (var ancestor in AncestorsOf(unitId))
        {
            if (Find(ancestor) is { } unit && string.Equals(unit.Level, ProvinceLevel, StringComparison.OrdinalIgnoreCase))
            {
                return ancestor;
            }

            if (ParentOf(ancestor) is null)
            {
                return previous;
            }

            previous = ancestor;
        }

        return unitId;
    }
}
