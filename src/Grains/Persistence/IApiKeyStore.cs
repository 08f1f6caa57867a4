namespace SlaGrid.Grains.Persistence;

/// <summary>API keys, hashed at rest.</summary>
public interface IApiKeyStore
{
    /// <summary>Inserts a key (its id must be new) or replaces it if it has the same id and hash (idempotent bootstrap).</summary>
    Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>A key by id, or null.</summary>
    Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>All keys, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; returns false if there is no such key.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
