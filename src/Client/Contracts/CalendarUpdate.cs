using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The body of <c>PUT /api/v1/calendar</c>: calendar exceptions to upsert (the dates named replace what the
/// grid had for them) and, optionally, the default office hours.
/// Wire: <c>{"holidays":["2026-02-16"],"workdays":["2026-02-07"],"officeHours":[["08:00","12:00"],["13:00","17:00"]]}</c>.
/// </summary>
/// <param name="Holidays">Days off; null or missing means none.</param>
/// <param name="Workdays">Make-up working days; null or missing means none.</param>
/// <param name="OfficeHours">The office periods of a working day, local time; null (omitted) keeps what the grid has.</param>
public sealed record CalendarUpdate(
    IReadOnlyList<DateOnly>? Holidays = null,
    IReadOnlyList<DateOnly>? Workdays = null,
    [property: JsonPropertyName("officeHours"), JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OfficePeriod>? OfficeHours = null)
{
    /// <summary>Days off (dates, <c>yyyy-MM-dd</c>); never null.</summary>
    [JsonPropertyName("holidays")]
    [JsonPropertyOrder(0)]
    public IReadOnlyList<DateOnly> Holidays { get; init; } = Holidays ?? [];

    /// <summary>Make-up working days (e.g. a swapped Saturday), <c>yyyy-MM-dd</c>; never null.</summary>
    [JsonPropertyName("workdays")]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<DateOnly> Workdays { get; init; } = Workdays ?? [];
}
