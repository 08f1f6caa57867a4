using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// An escalation alert: the items of <c>GET /api/v1/alerts</c>, the answer of <c>POST /api/v1/alerts/{id}/ack</c>,
/// and the <c>alert</c> of an <see cref="AlertEvent"/>. Every field is always written, nulls included.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="DossierId">The dossier, for dossier alerts.</param>
/// <param name="UnitId">The unit the alert is about.</param>
/// <param name="OfficerId">The officer, where there is one.</param>
/// <param name="Recipients">Officer ids to tell.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="DueAt">The dossier's due time, for dossier alerts.</param>
/// <param name="State">One of <see cref="AlertStates"/>.</param>
/// <param name="DedupKey">Kind + subject, e.g. <c>overdue:D-1</c>: at most one active alert per key.</param>
/// <param name="AcknowledgedAt">When it was acknowledged (additive field).</param>
/// <param name="ResolvedAt">When it resolved (additive field).</param>
/// <param name="Repeats">How many times it was repeated while unacknowledged (additive field).</param>
public sealed record Alert(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("dossierId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DossierId,
    [property: JsonPropertyName("unitId")] string UnitId,
    [property: JsonPropertyName("officerId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OfficerId,
    [property: JsonPropertyName("recipients")] IReadOnlyList<string> Recipients,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("dueAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DueAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("dedupKey")] string DedupKey,
    [property: JsonPropertyName("acknowledgedAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? AcknowledgedAt = null,
    [property: JsonPropertyName("resolvedAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ResolvedAt = null,
    [property: JsonPropertyName("repeats")] int Repeats = 0);
