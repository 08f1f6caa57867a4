using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>One office period of a working day, local time. Wire: a two-string array <c>["08:00","12:00"]</c>.</summary>
/// <param name="Start">When it opens.</param>
/// <param name="End">When it closes.</param>
[JsonConverter(typeof(OfficePeriodJsonConverter))]
public sealed record OfficePeriod(TimeOnly Start, TimeOnly End);
