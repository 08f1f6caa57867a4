using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// What happened to an alert: the <c>data</c> of the live feed's <c>alert</c> events.
/// Wire: <c>{"event":"raised","alert":{...}}</c>.
/// </summary>
/// <param name="Event">One of <see cref="AlertEventTypes"/>.</param>
/// <param name="Alert">The alert as it is right after the change.</param>
public sealed record AlertEvent(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("alert")] Alert Alert);
