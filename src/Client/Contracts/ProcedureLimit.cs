using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>A procedure's time limit. Wire: <c>{"value":5,"unit":"working_days"}</c>.</summary>
/// <param name="Value">The amount (0 with <see cref="LimitUnits.WorkingDays"/> means the same day).</param>
/// <param name="Unit">One of <see cref="LimitUnits"/>.</param>
public sealed record ProcedureLimit(
    [property: JsonPropertyName("value")] int Value,
    [property: JsonPropertyName("unit")] string Unit);
