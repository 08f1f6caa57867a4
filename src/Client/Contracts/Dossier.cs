using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// A dossier's current state: the answer of <c>GET /api/v1/dossiers/{id}</c> and the items of
/// <c>GET /api/v1/units/{id}/dossiers</c>. Every field is always written, nulls included.
/// </summary>
/// <param name="Id">The dossier's id.</param>
/// <param name="UnitId">The unit accountable now (latest <c>received</c>/<c>assigned</c> naming a unit).</param>
/// <param name="OfficerId">The officer accountable now, if any.</param>
/// <param name="ProcedureCode">The procedure.</param>
/// <param name="Status">The latest status (the type of the latest status event, e.g. <c>received</c>, <c>processed</c>).</param>
/// <param name="ReceivedAt">Valid receipt.</param>
/// <param name="DueAt">The effective due time (after pauses and a reschedule).</param>
/// <param name="OriginalDueAt">The first due time, moved by pauses but not by a reschedule.</param>
/// <param name="Paused">Whether the clock is paused now.</param>
/// <param name="Overdue">Open, running and past <paramref name="DueAt"/>.</param>
/// <param name="DueSoon">Open, running, not overdue, at most the due-soon window left.</param>
/// <param name="Rescheduled">Whether the dossier got its one apology and new date.</param>
/// <param name="ApologyLate">Whether that apology came later than the working day before the due day.</param>
/// <param name="SupplementRequests">How many supplement requests since receipt.</param>
/// <param name="FinishedAt">When processing ended, if it did.</param>
/// <param name="Outcome">One of <see cref="Outcomes"/> once ended; null while open.</param>
public sealed record Dossier(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("unitId")] string UnitId,
    [property: JsonPropertyName("officerId"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OfficerId,
    [property: JsonPropertyName("procedureCode")] string ProcedureCode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("dueAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DueAt,
    [property: JsonPropertyName("originalDueAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? OriginalDueAt,
    [property: JsonPropertyName("paused")] bool Paused,
    [property: JsonPropertyName("overdue")] bool Overdue,
    [property: JsonPropertyName("dueSoon")] bool DueSoon,
    [property: JsonPropertyName("rescheduled")] bool Rescheduled,
    [property: JsonPropertyName("apologyLate")] bool ApologyLate,
    [property: JsonPropertyName("supplementRequests")] int SupplementRequests,
    [property: JsonPropertyName("finishedAt"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? FinishedAt,
    [property: JsonPropertyName("outcome"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Outcome);
