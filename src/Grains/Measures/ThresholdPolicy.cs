namespace SlaGrid.Grains.Measures;

/// <summary>
/// Late-ratio thresholds with consequences (policy; seed: Khánh Hòa's programme): a unit is flagged when its late
/// ratio is <b>at or above</b> 10%; an officer when it is <b>above</b> 10%. Per-province overrides by province id.
/// Comparisons are exact (integers against a decimal threshold, no floating point): 1 late of 10 flags a unit but not
/// an officer. A set with no received dossier is never flagged.
/// </summary>
public sealed record ThresholdPolicy
{
    /// <summary>The defaults (10% for both).</summary>
    public static ThresholdPolicy Default { get; } = new();

    /// <summary>Unit threshold (flag when lateRatio ≥ this). Default 0.10.</summary>
    public decimal UnitLateRatio { get; init; } = 0.10m;

    /// <summary>Officer threshold (flag when lateRatio &gt; this). Default 0.10.</summary>
    public decimal OfficerLateRatio { get; init; } = 0.10m;

    /// <summary>Overrides by province id.</summary>
    public IReadOnlyDictionary<string, ThresholdOverride> Provinces { get; init; } = new Dictionary<string, ThresholdOverride>();

    /// <summary>The unit threshold in force for <paramref name="provinceId"/>.</summary>
    public decimal UnitThresholdFor(string? provinceId) =>
        provinceId is not null && Provinces.TryGetValue(provinceId, out var o) && o.UnitLateRatio is { } v ? v : UnitLateRatio;

    /// <summary>The officer threshold in force for <paramref name="provinceId"/>.</summary>
    public decimal OfficerThresholdFor(string? provinceId) =>
        provinceId is not null && Provinces.TryGetValue(provinceId, out var o) && o.OfficerLateRatio is { } v ? v : OfficerLateRatio;

    /// <summary>Whether a unit with these counts is flagged (late ≥ threshold × received, received &gt; 0).</summary>
    public bool IsUnitFlagged(MeasureCounts counts, string? provinceId = null) =>
        counts.Received > 0 && counts.Late >= UnitThresholdFor(provinceId) * counts.Received;

    /// <summary>Whether an officer with these counts is flagged (late &gt; threshold × received, received &gt; 0).</summary>
    public bool IsOfficerFlagged(MeasureCounts counts, string? provinceId = null) =>
        counts.Received > 0 && counts.Late > OfficerThresholdFor(provinceId) * counts.Received;

    /// <summary>Throws when a threshold is outside [0, 1].</summary>
    /// <exception cref="ArgumentException">A threshold is out of range.</exception>
    public void Validate()
    {
        foreach (var (name, v) in new[] { ("UnitLateRatio", (decimal?)UnitLateRatio), ("OfficerLateRatio", OfficerLateRatio) }
                     .Concat(Provinces.SelectMany(p => new[] { ($"{p.Key}.UnitLateRatio", p.Value.UnitLateRatio), ($"{p.Key}.OfficerLateRatio", p.Value.OfficerLateRatio) })))
        {
            if (v is < 0m or > 1m)
            {
                throw new ArgumentException($"{name} must be between 0 and 1.", nameof(Provinces));
            }
        }
    }
}
