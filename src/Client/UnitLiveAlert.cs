using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>A change to an alert of the subtree.</summary>
/// <param name="EventId">The SSE <c>id</c> (the alert outbox sequence): pass it to <see cref="SlaGridClient.WatchUnitAsync(string, string?, CancellationToken)"/> to resume after it.</param>
/// <param name="Change">What happened and the alert as it is now.</param>
public sealed record UnitLiveAlert(string? EventId, AlertEvent Change) : UnitLiveEvent;
