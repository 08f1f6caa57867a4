namespace SlaGrid.Grains.Live;

/// <summary>
/// Something a live subscriber of a unit is told: either new subtree stats (<see cref="Stats"/>), or an alert
/// outbox entry about the unit or a unit below it (<see cref="Alert"/>).
/// </summary>
/// <param name="UnitId">The unit the subscriber watches.</param>
/// <param name="Stats">The unit's new stats payload (an object the API serializes), or null.</param>
/// <param name="Alert">An alert outbox entry, or null.</param>
public sealed record LiveMessage(string UnitId, object? Stats, Persistence.AlertOutboxEntry? Alert);
