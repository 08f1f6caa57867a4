namespace SlaGrid.Client.Contracts;

/// <summary>The values of <see cref="IngestResult.Status"/>.</summary>
public static class IngestStatuses
{
    /// <summary>The event is durable and took effect.</summary>
    public const string Accepted = "accepted";

    /// <summary>An event with this <c>eventId</c> was accepted before; nothing happened this time.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The event was refused with a code and changed nothing.</summary>
    public const string Rejected = "rejected";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Accepted, Duplicate, Rejected];
}
