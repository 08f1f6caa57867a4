namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="Alert.State"/>.</summary>
public static class AlertStates
{
    /// <summary>Raised and not yet acknowledged.</summary>
    public const string Open = "open";

    /// <summary>Acknowledged by someone; still active until its cause ends.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Its cause ended (the dossier ended, the ratio fell back).</summary>
    public const string Resolved = "resolved";

    /// <summary>Every alert state.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Resolved];
}
