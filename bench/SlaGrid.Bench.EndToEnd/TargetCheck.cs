namespace SlaGrid.Bench.EndToEnd;

/// <summary>One target of issue #8: what was asked, what was measured, and whether it was met (and by how much).</summary>
internal sealed record TargetCheck(string Target, string Measured, bool? Met, string Margin);
