namespace SlaGrid.Grains.Persistence;

/// <summary>
/// A change to alerts, committed with its cause. Every change that takes effect also appends one entry to the
/// alert outbox (<c>raised</c>, <c>resolved</c>, <c>repeated</c>) in the same transaction.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="DedupKey">The alert's dedup key.</param>
/// <param name="At">When (resolution or repeat time; creation time is in <paramref name="Alert"/>).</param>
/// <param name="Alert">The alert to raise (for <see cref="AlertChangeKind.Raise"/>).</param>
public sealed record AlertChange(AlertChangeKind Kind, string DedupKey, DateTimeOffset At, AlertRecord? Alert = null);
