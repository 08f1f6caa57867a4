using System.ComponentModel.DataAnnotations;

namespace SlaGrid.Silo.Security;

/// <summary>API key settings.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>
    /// The bootstrap admin key (environment variable <c>SLAGRID_ADMIN_KEY</c>). Stored only as a hash; at least
    /// 16 characters. Without it the silo still starts, and keys can only come from an existing admin key.
    /// </summary>
    [MinLength(16)]
    public string? AdminKey { get; set; }

    /// <summary>How long a verified key is trusted before the store is asked again (default 10 s; revocation takes effect at once on this silo).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
