using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// An administrative procedure (TTHC) and its legal time limit: the body items of <c>PUT /api/v1/procedures</c>.
/// Wire: <c>{"code","name","limit":{"value":5,"unit":"working_days"},"feesPauseClock":false}</c>.
/// </summary>
/// <param name="Code">Procedure code (mã TTHC).</param>
/// <param name="Name">Display name.</param>
/// <param name="Limit">The legal time limit.</param>
/// <param name="FeesPauseClock">Whether waiting for fees pauses the clock (missing on input means false).</param>
public sealed record Procedure(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("limit")] ProcedureLimit Limit,
    [property: JsonPropertyName("feesPauseClock")] bool FeesPauseClock = false);
