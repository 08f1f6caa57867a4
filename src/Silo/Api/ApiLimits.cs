namespace SlaGrid.Silo.Api;

/// <summary>The API's size limits (docs/api.md).</summary>
public static class ApiLimits
{
    /// <summary>The largest request body: 16 MiB.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The most events in one POST.</summary>
    public const int MaxEventsPerBatch = 10_000;

    /// <summary>The most items in one reference-data PUT.</summary>
    public const int MaxItemsPerPut = 50_000;

    /// <summary>Concurrent event batches before the silo answers 429.</summary>
    public const int MaxConcurrentIngest = 256;

    /// <summary>The most items a list answers with.</summary>
    public const int MaxListLimit = 1000;
}
