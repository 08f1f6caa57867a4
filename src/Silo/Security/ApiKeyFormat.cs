using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SlaGrid.Silo.Security;

/// <summary>
/// The shape of issued keys, <c>sgk_{id}_{secret}</c>: a public id to look the key up by, and 256 random bits.
/// Only the SHA-256 of the secret is stored; a random 256-bit secret needs no slow hash to resist guessing.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "sgk_";

    /// <summary>Makes a new key: its id, the full key to hand out once, and the hash to store.</summary>
    public static (string Id, string Key, string SecretHash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits an issued key into id and secret; false for anything else (e.g. the bootstrap key).</summary>
    public static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>SHA-256 of the text, lower-case hex.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares two hex hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
