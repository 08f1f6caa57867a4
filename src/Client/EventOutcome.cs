namespace SlaGrid.Client;

/// <summary>What became of one event sent through an <see cref="IngestChannel"/>.</summary>
public enum EventOutcome
{
    /// <summary>The silo accepted it: it is durable and took effect.</summary>
    Accepted,

    /// <summary>The silo had it already (an earlier attempt, or an earlier send, got through): no second effect.</summary>
    Duplicate,

    /// <summary>The silo refused it with a code (<see cref="EventResult.Error"/>); it changed nothing.</summary>
    Rejected,

    /// <summary>
    /// No answer could be had (network, 5xx, 429 past the give-up time, a non-retryable error status, or the
    /// channel was stopped): <see cref="EventResult.Exception"/> says why. The outcome is unknown; resending the
    /// same event is safe.
    /// </summary>
    Failed,
}
