using System.Security.Cryptography;
using System.Text;

namespace SlaGrid.Silo.Alerts;

/// <summary>
/// Webhook bodies are signed with HMAC-SHA256 under the webhook's secret; the receiver recomputes it over the raw
/// body and compares in constant time. Header: <c>X-SlaGrid-Signature: sha256=&lt;lower-case hex&gt;</c>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-SlaGrid-Signature";

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether <paramref name="header"/> is the right signature of <paramref name="body"/>.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
