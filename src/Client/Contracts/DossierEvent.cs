using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// One status update of a dossier: the body items of <c>POST /api/v1/events</c>.
/// Wire: <c>{"eventId","dossierId","type","at"}</c> plus, by type, <c>unitId</c>, <c>procedureCode</c>,
/// <c>officerId</c>, <c>dueAt</c>, <c>newDueAt</c> (omitted when null).
/// </summary>
/// <param name="EventId">The sender's id, unique across the grid: the idempotency key (a resend answers <c>duplicate</c>).</param>
/// <param name="DossierId">The dossier.</param>
/// <param name="Type">One of <see cref="EventTypes"/>.</param>
/// <param name="At">When it happened (with its offset).</param>
/// <param name="UnitId"><c>received</c>: the receiving unit; <c>assigned</c>: the new unit, if any.</param>
/// <param name="ProcedureCode"><c>received</c>: the procedure.</param>
/// <param name="OfficerId"><c>received</c> (optional) and <c>assigned</c>: the handling officer.</param>
/// <param name="DueAt"><c>received</c> (optional): the appointment printed on the receipt; authoritative when given.</param>
/// <param name="NewDueAt"><c>rescheduled</c>: the new date.</param>
public sealed record DossierEvent(
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("dossierId")] string DossierId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("unitId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitId = null,
    [property: JsonPropertyName("procedureCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ProcedureCode = null,
    [property: JsonPropertyName("officerId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OfficerId = null,
    [property: JsonPropertyName("dueAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DueAt = null,
    [property: JsonPropertyName("newDueAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? NewDueAt = null);
