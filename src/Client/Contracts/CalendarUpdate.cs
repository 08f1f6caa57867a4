using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The body of <c>PUT /api/v1/calendar</c>: calendar exceptions to upsert (the dates named replace what the
/// grid had for them) and, optionally, the default office hours.
/// Wire: <c>{"holidays":["2026-02-16"],"workdays":["2026-02-07"],"officeHours":[["08:00","12:00"],["13:00","17:00"]]}</c>.
/// </summary>
public sealed record CalendarUpdate
{
    /// <summary>Days off (dates, <c>yyyy-MM-dd</c>); missing means none.</summary>
    [JsonPropertyName("holidays")]
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Make-up working days (e.g. a swapped Saturday), <c>yyyy-MM-dd</c>; missing means none.</summary>
    [JsonPropertyName("workdays")]
    public IReadOnlyList<DateOnly> Workdays { get; init; } = [];

    /// <summary>The office periods of a working day, local time; null (omitted) keeps what the grid has.</summary>
    [JsonPropertyName("officeHours")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OfficePeriod>? OfficeHours { get; init; }
}
