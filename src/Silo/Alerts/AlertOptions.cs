using System.ComponentModel.DataAnnotations;

namespace SlaGrid.Silo.Alerts;

/// <summary>Alert delivery settings.</summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>How often the outbox is read when nothing signals it (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry delay of a failed webhook delivery; it doubles per attempt (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan WebhookInitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between webhook retries (default 5 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "06:00:00")]
    public TimeSpan WebhookMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one webhook POST may take (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outbox entries read per pass (default 200).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
