using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The measures of an officer over dossiers received in a period (attributed to the officer now): the answer of
/// <c>GET /api/v1/officers/{id}/stats</c>. Same fields as <see cref="UnitStats"/>, with <c>officerId</c>.
/// </summary>
/// <param name="OfficerId">The officer.</param>
/// <param name="Received">Dossiers received.</param>
/// <param name="Open">Not ended.</param>
/// <param name="Overdue">Open and overdue.</param>
/// <param name="DueSoon">Open and due soon.</param>
/// <param name="Paused">Open and paused.</param>
/// <param name="FinishedEarly">Ended early.</param>
/// <param name="FinishedOnTime">Ended on time.</param>
/// <param name="FinishedLate">Ended late.</param>
/// <param name="OnTimeRatio">(finishedEarly + finishedOnTime + open − overdue) / received, pooled.</param>
/// <param name="LateRatio">(finishedLate + overdue) / received, pooled.</param>
/// <param name="Flagged">Whether the late ratio is at or past the threshold that costs the officer their rating.</param>
public sealed record OfficerStats(
    [property: JsonPropertyName("officerId")] string OfficerId,
    [property: JsonPropertyName("received")] long Received,
    [property: JsonPropertyName("open")] long Open,
    [property: JsonPropertyName("overdue")] long Overdue,
    [property: JsonPropertyName("dueSoon")] long DueSoon,
    [property: JsonPropertyName("paused")] long Paused,
    [property: JsonPropertyName("finishedEarly")] long FinishedEarly,
    [property: JsonPropertyName("finishedOnTime")] long FinishedOnTime,
    [property: JsonPropertyName("finishedLate")] long FinishedLate,
    [property: JsonPropertyName("onTimeRatio")] double OnTimeRatio,
    [property: JsonPropertyName("lateRatio")] double LateRatio,
    [property: JsonPropertyName("flagged")] bool Flagged);
