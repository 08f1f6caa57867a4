namespace SlaGrid.Grains.Persistence;

/// <summary>A webhook that receives alerts about <paramref name="UnitId"/>'s subtree (null: all units).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Url">Where to POST.</param>
/// <param name="Secret">The HMAC-SHA256 key that signs each body (kept, since signing needs it).</param>
/// <param name="UnitId">The subtree filter.</param>
public sealed record WebhookRecord(string Id, string Url, string Secret, string? UnitId);
