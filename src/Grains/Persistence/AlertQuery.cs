namespace SlaGrid.Grains.Persistence;

/// <summary>A filter over alerts; null members do not filter.</summary>
/// <param name="UnitIds">Alerts about any of these units.</param>
/// <param name="State"><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</param>
/// <param name="Kind">An alert kind.</param>
/// <param name="Limit">At most this many, newest first.</param>
public sealed record AlertQuery(IReadOnlyCollection<string>? UnitIds, string? State, string? Kind, int Limit = 1000);
