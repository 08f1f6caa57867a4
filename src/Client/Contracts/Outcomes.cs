namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="Dossier.Outcome"/> (null while the dossier is open).</summary>
public static class Outcomes
{
    /// <summary>Ended on an earlier date than the due date (trước hạn).</summary>
    public const string Early = "early";

    /// <summary>Ended on the due date, not after the due time (đúng hạn).</summary>
    public const string OnTime = "on_time";

    /// <summary>Ended after the due time (trễ hạn).</summary>
    public const string Late = "late";

    /// <summary>Every outcome.</summary>
    public static IReadOnlyList<string> All { get; } = [Early, OnTime, Late];
}
