namespace SlaGrid.Runtime;

/// <summary>Why an activation is being deactivated (Orleans' <c>DeactivationReasonCode</c>).</summary>
public enum DeactivationReasonCode
{
    /// <summary>No reason given.</summary>
    None,

    /// <summary>The activation was idle for longer than the collection age.</summary>
    ActivationIdle,

    /// <summary>The grain asked for it (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    ApplicationRequested,

    /// <summary>A call failed in a way that leaves the activation unusable (a stale state write).</summary>
    ApplicationError,

    /// <summary>The runtime is stopping.</summary>
    ShuttingDown,
}
