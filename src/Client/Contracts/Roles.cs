namespace SlaGrid.Client.Contracts;

/// <summary>The roles of an API key.</summary>
public static class Roles
{
    /// <summary>Everything, including reference data, webhooks and keys.</summary>
    public const string Admin = "admin";

    /// <summary>Posting events.</summary>
    public const string Ingest = "ingest";

    /// <summary>Queries and live streams.</summary>
    public const string Read = "read";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Ingest, Read];
}
