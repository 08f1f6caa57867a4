namespace SlaGrid.Grains.Clock;

/// <summary>API strings of <see cref="DossierOutcome"/>.</summary>
public static class DossierOutcomes
{
    /// <summary><c>early</c>, <c>on_time</c> or <c>late</c>.</summary>
    public static string ToApiString(this DossierOutcome outcome) => outcome switch
    {
        DossierOutcome.Early => "early",
        DossierOutcome.OnTime => "on_time",
        DossierOutcome.Late => "late",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>Parses <c>early</c>, <c>on_time</c>, <c>late</c>.</summary>
    public static bool TryParse(string? text, out DossierOutcome outcome)
    {
        (var ok, outcome) = text switch
        {
            "early" => (true, DossierOutcome.Early),
            "on_time" => (true, DossierOutcome.OnTime),
            "late" => (true, DossierOutcome.Late),
            _ => (false, default(DossierOutcome)),
        };
        return ok;
    }
}
