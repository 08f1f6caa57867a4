using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The measures of a unit's whole subtree over dossiers received in a period: the answer of
/// <c>GET /api/v1/units/{id}/stats</c> and the <c>data</c> of the live feed's <c>stats</c> events.
/// </summary>
/// <param name="UnitId">The unit.</param>
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
/// <param name="Flagged">Whether the late ratio is at or past the threshold that costs the unit its rating.</param>
public sealed record UnitStats(
    [property: JsonPropertyName("unitId")] string UnitId,
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
