namespace SlaGrid.Grains.Clock;

/// <summary>Rule 7: how an ended dossier is judged. API strings <c>early</c>, <c>on_time</c>, <c>late</c> (<see cref="DossierOutcomes"/>).</summary>
public enum DossierOutcome
{
    /// <summary>Ended on an earlier local date than the judging due date (trước hạn).</summary>
    Early,

    /// <summary>Ended on the due date, not after the due time (đúng hạn).</summary>
    OnTime,

    /// <summary>Otherwise, or asked for supplements twice (rule 5) (trễ hạn).</summary>
    Late,
}
