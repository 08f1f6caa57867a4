using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Rules;

/// <summary>
/// The rule sets by effective date. <see cref="Select"/> picks the set with the latest <c>EffectiveFrom</c> on or
/// before the receipt date; a date before every set gets the earliest set.
/// </summary>
public sealed class RuleSetCatalog
{
    /// <summary>Id of the Decree 61/2018/NĐ-CP (+107/2021) set: receipts before 2025-07-01.</summary>
    public const string Decree61Id = "vn-decree-61-2018";

    /// <summary>Id of the Decree 118/2025/NĐ-CP + Circular 03/2025/TT-VPCP set: receipts from 2025-07-01.</summary>
    public const string Decree118Id = "vn-decree-118-2025";

    /// <summary>The first receipt date under Decree 118/2025.</summary>
    public static readonly DateOnly Decree118EffectiveFrom = new(2025, 7, 1);

    private readonly RuleSet[] _sets;

    /// <summary>A catalog of <paramref name="sets"/> (at least one; effective dates distinct; ids distinct).</summary>
    /// <exception cref="ArgumentException">Empty, duplicate dates or ids, or an invalid policy.</exception>
    public RuleSetCatalog(IEnumerable<RuleSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        if (_sets.Length == 0)
        {
            throw new ArgumentException("A rule-set catalog needs at least one set.", nameof(sets));
        }

        if (_sets.Select(s => s.EffectiveFrom).Distinct().Count() != _sets.Length || _sets.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != _sets.Length)
        {
            throw new ArgumentException("Rule sets need distinct ids and effective dates.", nameof(sets));
        }

        foreach (var s in _sets)
        {
            s.Policy.Validate();
        }
    }

    /// <summary>Decree 61 before 2025-07-01 and Decree 118 from it, both with <see cref="ClockPolicy.Default"/> (separate instances).</summary>
    public static RuleSetCatalog Default { get; } = CreateVietnam(null, null);

    /// <summary>All sets, by effective date.</summary>
    public IReadOnlyList<RuleSet> Sets => _sets;

    /// <summary>The Vietnam catalog with the given policies (null: defaults).</summary>
    public static RuleSetCatalog CreateVietnam(ClockPolicy? decree61Policy, ClockPolicy? decree118Policy) => new(
    [
        new RuleSet(
            Decree61Id,
            "Decree 61/2018/NĐ-CP (amended by Decree 107/2021/NĐ-CP), Circular 01/2018/TT-VPCP",
            new DateOnly(2018, 6, 21),
            decree61Policy ?? new ClockPolicy(),
            ["Nghị định 61/2018/NĐ-CP", "Nghị định 107/2021/NĐ-CP", "Thông tư 01/2018/TT-VPCP", "Quyết định 766/QĐ-TTg"]),
        new RuleSet(
            Decree118Id,
            "Decree 118/2025/NĐ-CP, Circular 03/2025/TT-VPCP",
            Decree118EffectiveFrom,
            decree118Policy ?? new ClockPolicy(),
            ["Nghị định 118/2025/NĐ-CP", "Thông tư 03/2025/TT-VPCP", "Quyết định 766/QĐ-TTg"]),
    ]);

    /// <summary>The set for a dossier received on local date <paramref name="receiptDate"/>.</summary>
    public RuleSet Select(DateOnly receiptDate)
    {
        var chosen = _sets[0];
        foreach (var s in _sets)
        {
            if (s.EffectiveFrom <= receiptDate)
            {
                chosen = s;
            }
        }

        return chosen;
    }

    /// <summary>The set with this id, if any.</summary>
    public RuleSet? Find(string id) => Array.Find(_sets, s => s.Id == id);
}
