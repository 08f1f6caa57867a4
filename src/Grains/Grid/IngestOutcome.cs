namespace SlaGrid.Grains.Grid;

/// <summary>What became of one posted event: <c>accepted</c>, <c>duplicate</c> or <c>rejected</c> (with a code).</summary>
public sealed record IngestOutcome(string Status, string? Code = null, string? Message = null)
{
    /// <summary>The event took effect.</summary>
    public static IngestOutcome Accepted { get; } = new("accepted");

    /// <summary>The event was already applied (a retry); no second effect.</summary>
    public static IngestOutcome Duplicate { get; } = new("duplicate");

    /// <summary>The event was refused and changed nothing.</summary>
    public static IngestOutcome Rejected(string code, string message) => new("rejected", code, message);
}
