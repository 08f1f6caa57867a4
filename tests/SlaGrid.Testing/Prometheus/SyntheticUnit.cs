namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// One unit's synthetic counts as <see cref="ContractMetrics"/> reports them. Invariants:
/// <c>Received = Open + FinishedEarly + FinishedOnTime + FinishedLate</c> and
/// <c>Overdue + DueSoon + Paused &lt;= Open</c>.
/// </summary>
public sealed record SyntheticUnit(
    string Unit,
    string Province,
    long Received,
    long Open,
    long Overdue,
    long DueSoon,
    long Paused,
    long FinishedEarly,
    long FinishedOnTime,
    long FinishedLate)
{
    /// <summary>The finished count of an outcome (<c>early</c>, <c>on_time</c>, <c>late</c>).</summary>
    public long Finished(string outcome) => outcome switch
    {
        "early" => FinishedEarly,
        "on_time" => FinishedOnTime,
        "late" => FinishedLate,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Outcomes are early, on_time and late."),
    };
}
