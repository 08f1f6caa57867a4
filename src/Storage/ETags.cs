namespace SlaGrid.Storage;

/// <summary>Grain-state versions: random, so that a state cleared and written again never matches an ETag from before.</summary>
internal static class ETags
{
    public static string New() => Guid.NewGuid().ToString("N");
}
