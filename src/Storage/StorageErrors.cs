namespace SlaGrid.Storage;

/// <summary>Errors the stores raise for requests that conflict with what is stored.</summary>
internal static class StorageErrors
{
    /// <summary>An API key id that exists with another secret.</summary>
    public static InvalidOperationException ApiKeyConflict(string id) =>
        new($"API key '{id}' already exists with a different secret; key ids must be new.");
}
