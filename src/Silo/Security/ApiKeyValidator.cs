using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Silo.Security;

/// <summary>
/// Turns a bearer token into an <see cref="ApiKeyIdentity"/>: issued keys are looked up by id and their secret's
/// hash compared in constant time; the bootstrap admin key is compared by hash. Verified keys are cached briefly
/// by the token's hash (never the token itself).
/// </summary>
public sealed class ApiKeyValidator(ISlaGridStorage storage, IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>The id under which the bootstrap admin key is stored.</summary>
    public const string BootstrapKeyId = "bootstrap-admin";

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly string? _bootstrapHash = options.Value.AdminKey is { Length: > 0 } key ? ApiKeyFormat.Hash(key) : null;

    /// <summary>The identity behind <paramref name="token"/>, or null if it is not a valid, unrevoked key.</summary>
    public async ValueTask<ApiKeyIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var tokenHash = ApiKeyFormat.Hash(token);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tokenHash, out var cached) && cached.Until > now)
        {
            return cached.Identity;
        }

        ApiKeyIdentity? identity = null;
        if (ApiKeyFormat.TryParse(token, out var id, out var secret))
        {
            var record = await storage.Keys.GetAsync(id, cancellationToken);
            if (record is { RevokedAt: null } && ApiKeyFormat.HashesEqual(record.SecretHash, ApiKeyFormat.Hash(secret)))
            {
                identity = new ApiKeyIdentity(record.Id, record.Role, record.UnitScope);
            }
        }
        else if (_bootstrapHash is not null && ApiKeyFormat.HashesEqual(_bootstrapHash, tokenHash))
        {
            identity = new ApiKeyIdentity(BootstrapKeyId, ApiRoles.Admin, null);
        }

        if (identity is null)
        {
            _cache.TryRemove(tokenHash, out _);
            return null;
        }

        _cache[tokenHash] = (identity, now + options.Value.CacheDuration);
        return identity;
    }

    /// <summary>Forgets every cached verification of the key (after it is revoked).</summary>
    public void Forget(string keyId)
    {
        foreach (var entry in _cache)
        {
            if (string.Equals(entry.Value.Identity.KeyId, keyId, StringComparison.Ordinal))
            {
                _cache.TryRemove(entry.Key, out _);
            }
        }
    }
}
