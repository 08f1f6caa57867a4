namespace SlaGrid.Silo.Security;

/// <summary>Who is calling: the key's id, its role and its unit scope (null: everything).</summary>
public sealed record ApiKeyIdentity(string KeyId, string Role, string? UnitScope);
