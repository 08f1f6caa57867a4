namespace SlaGrid.Grains.Persistence;

/// <summary>An API key as stored: never the secret, only its hash.</summary>
/// <param name="Id">Public id (also the key's visible prefix).</param>
/// <param name="Name">What it is for.</param>
/// <param name="Role"><c>admin</c>, <c>ingest</c> or <c>read</c>.</param>
/// <param name="UnitScope">The unit whose subtree it may touch (null: everything).</param>
/// <param name="SecretHash">SHA-256 of the secret, lower-case hex.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked (null: active).</param>
public sealed record ApiKeyRecord(string Id, string Name, string Role, string? UnitScope, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
