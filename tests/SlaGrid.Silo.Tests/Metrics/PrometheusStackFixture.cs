using SlaGrid.Testing;
using SlaGrid.Testing.Prometheus;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>
/// A real Kestrel host serving the exporter over <see cref="ContractMetrics"/> (3 provinces, 12 units, live activity),
/// scraped every second by a real Prometheus with the dashboards' recording rules loaded. Ready once the target was
/// scraped several times (so <c>rate()</c> has samples) and every rule was evaluated; the activity then stops so that
/// the last values are stable.
/// Set <c>SLAGRID_TEST_METRICS_TARGET</c> (e.g. <c>http://127.0.0.1:5080/metrics</c>) to scrape a live silo instead.
/// </summary>
public sealed class PrometheusStackFixture : IAsyncLifetime
{
    /// <summary>The variable that points the fixture at a live silo instead of synthetic data.</summary>
    public const string TargetVariable = "SLAGRID_TEST_METRICS_TARGET";

    private MetricsTestHost? _host;

    public PrometheusServer? Prometheus { get; private set; }

    /// <summary>The synthetic data, or null when scraping a live silo.</summary>
    public ContractMetrics? Contract { get; private set; }

    public async Task InitializeAsync()
    {
        if (TestEnvironment.FindExecutable("prometheus") is null && !TestEnvironment.IsCi)
        {
            return; // The tests are skipped.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        Uri target;
        ITimer? activity = null;
        if (Environment.GetEnvironmentVariable(TargetVariable) is { Length: > 0 } live)
        {
            target = new Uri(live);
        }
        else
        {
            var prefix = TestMeters.UniquePrefix();
            _host = await MetricsTestHost.StartAsync(new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = prefix });
            Contract = new ContractMetrics(prefix, provinces: 3, units: 12);
            var contract = Contract;
            activity = TimeProvider.System.CreateTimer(_ => contract.RecordActivity(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
            target = new Uri(_host.BaseAddress, "/metrics");
        }

        try
        {
            Prometheus = await PrometheusServer.StartAsync(new PrometheusServerOptions { Target = target, RuleFiles = RepositoryPaths.RuleFiles }, ct);
            var up = DateTimeOffset.UtcNow;
            await Prometheus.WaitForScrapesAsync(5, ct);
            await Prometheus.WaitForRuleEvaluationAsync(up, ct);
        }
        finally
        {
            if (activity is not null)
            {
                await activity.DisposeAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Contract?.Dispose();
    }
}
