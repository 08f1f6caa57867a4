namespace SlaGrid.Silo.Security;

/// <summary>The roles an API key can have, and the authorization policies built on them.</summary>
public static class ApiRoles
{
    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    /// <summary>Posting events.</summary>
    public const string Ingest = "ingest";

    /// <summary>Queries and streams.</summary>
    public const string Read = "read";

    /// <summary>Policy: admin or read.</summary>
    public const string CanRead = "slagrid.read";

    /// <summary>Policy: admin or ingest.</summary>
    public const string CanIngest = "slagrid.ingest";

    /// <summary>Policy: admin.</summary>
    public const string CanAdminister = "slagrid.admin";

    /// <summary>Whether <paramref name="role"/> is one of the three roles (exact, lower case).</summary>
    public static bool IsValid(string? role) => role is Admin or Ingest or Read;
}
