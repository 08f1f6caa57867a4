namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="AlertEvent.Event"/>: what happened to an alert in the outbox.</summary>
public static class AlertEventTypes
{
    /// <summary>The alert was raised.</summary>
    public const string Raised = "raised";

    /// <summary>The alert was repeated while unacknowledged.</summary>
    public const string Repeated = "repeated";

    /// <summary>The alert was acknowledged.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>The alert resolved.</summary>
    public const string Resolved = "resolved";

    /// <summary>Every alert event type.</summary>
    public static IReadOnlyList<string> All { get; } = [Raised, Repeated, Acknowledged, Resolved];
}
