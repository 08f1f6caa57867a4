namespace SlaGrid.Grains.Persistence;

/// <summary>An escalation alert. At most one alert per <paramref name="DedupKey"/> is active (open or acknowledged).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Kind"><c>due_soon</c>, <c>overdue</c>, <c>escalated</c>, <c>reschedule_limit</c>, <c>second_supplement</c>, <c>unit_late_ratio</c>, <c>officer_late_ratio</c>.</param>
/// <param name="DedupKey">Kind + subject, e.g. <c>overdue:D-1</c>.</param>
/// <param name="DossierId">The dossier, for dossier alerts.</param>
/// <param name="UnitId">The unit the alert is about (for scope filters).</param>
/// <param name="OfficerId">The officer, where there is one.</param>
/// <param name="Recipients">Officer ids to tell.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="DueAt">The dossier's due time, for dossier alerts.</param>
/// <param name="State"><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</param>
/// <param name="AcknowledgedAt">When it was acknowledged.</param>
/// <param name="ResolvedAt">When it resolved.</param>
/// <param name="Repeats">How many times it was repeated while unacknowledged.</param>
public sealed record AlertRecord(
    string Id,
    string Kind,
    string DedupKey,
    string? DossierId,
    string UnitId,
    string? OfficerId,
    IReadOnlyList<string> Recipients,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    string State,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    int Repeats);
