namespace SlaGrid.Silo.Metrics;

/// <summary>
/// Settings of the Prometheus exporter, bound from the configuration section <c>Metrics</c>
/// (e.g. <c>Metrics:Port</c>, which the host maps from <c>--metrics-port</c>). Validated at start.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Metrics";

    /// <summary>The configuration key of <see cref="Port"/>.</summary>
    public const string PortKey = "Metrics:Port";

    /// <summary>The command-line switch the host maps to <see cref="PortKey"/>.</summary>
    public const string PortSwitch = "--metrics-port";

    /// <summary>The default path metrics are served at.</summary>
    public const string DefaultPath = "/metrics";

    /// <summary>
    /// Meters whose name starts with this prefix are exported (ordinal comparison). Default <c>SlaGrid.</c>,
    /// which covers <c>SlaGrid.Runtime</c>, <c>SlaGrid.Storage</c>, <c>SlaGrid.Grains</c> and <c>SlaGrid.Ingest</c>.
    /// </summary>
    public string MeterPrefix { get; set; } = "SlaGrid.";

    /// <summary>
    /// A dedicated TCP port that serves only <see cref="Path"/>, besides the application's own endpoint.
    /// Default null: no dedicated port. 0 asks the operating system for a free port (tests).
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// The address the dedicated port listens on: an IP address, <c>localhost</c>, or <c>*</c> for every
    /// interface. Default <c>127.0.0.1</c>; use <c>*</c> in a container.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The path served on the dedicated port. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// The most series one metric may hold; measurements that would add more are dropped, with one warning
    /// per metric. A guard against a label with unbounded values. Default 50,000 (the country has 3,321
    /// communes plus provincial units).
    /// </summary>
    public int MaxSeriesPerMetric { get; set; } = 50_000;
}
