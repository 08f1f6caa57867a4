namespace SlaGrid.Testing.Prometheus;

/// <summary>How <see cref="PrometheusServer"/> runs Prometheus.</summary>
public sealed class PrometheusServerOptions
{
    /// <summary>The URL Prometheus scrapes (scheme, host, port and path), e.g. <c>http://127.0.0.1:5080/metrics</c>.</summary>
    public required Uri Target { get; init; }

    /// <summary>Rule files to load (absolute or relative to the working directory). Default none.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>The scrape job's name; the dashboards expect <c>slagrid</c>.</summary>
    public string JobName { get; init; } = "slagrid";

    /// <summary>Scrape interval (also the scrape timeout). Default 1 s.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rule evaluation interval. Default 1 s.</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for Prometheus to start and find the target up: generous, for a loaded 2-core box.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The Prometheus executable (name on PATH or absolute path). Default <c>prometheus</c>.</summary>
    public string Executable { get; init; } = "prometheus";

    /// <summary>The clock polling waits on. Default the system's (Prometheus runs in real time).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
