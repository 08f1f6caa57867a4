using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaGrid.Silo.Metrics;
using SlaGrid.Testing.Prometheus;

namespace SlaGrid.Silo.Tests.Metrics;

public sealed class MetricsHostingTests
{
    private readonly string _prefix = TestMeters.UniquePrefix();

    [Fact]
    public async Task MetricsEndpoint_ServesTheTextFormatWithItsExactContentType()
    {
        // The exporter listens from the host's start: synchronous instruments' earlier measurements are not seen.
        await using var host = await MetricsTestHost.StartAsync(new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix });
        using var contract = new ContractMetrics(_prefix);

        using var response = await host.Client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal(body.Length > 0 ? System.Text.Encoding.UTF8.GetByteCount(body) : -1, response.Content.Headers.ContentLength);
        var exposition = Exposition.Parse(body);
        Assert.Equal(ContractMetrics.MetricNames.Order(StringComparer.Ordinal), exposition.Families.Select(f => f.Name));
    }

    [Fact]
    public async Task MetricsEndpoint_CanBeMappedAtAnotherPath()
    {
        using var contract = new ContractMetrics(_prefix);
        await using var host = await MetricsTestHost.StartAsync(new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix }, "/internal/metrics");

        using var moved = await host.Client.GetAsync("/internal/metrics");
        using var old = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task ExporterStartsWithTheHost_SoMeasurementsBeforeTheFirstScrapeCount()
    {
        await using var host = await MetricsTestHost.StartAsync(new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix });
        using var meter = TestMeters.Meter(_prefix, "Ingest");
        meter.CreateCounter<long>("slagrid_events_total").Add(7, TestMeters.Tag("result", "accepted"));

        var body = await host.Client.GetStringAsync("/metrics");

        Assert.Contains("slagrid_events_total{result=\"accepted\"} 7\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachExportsOnlyTheMetersItsOwnFactoryCreated()
    {
        var settings = new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix };
        await using var first = await MetricsTestHost.StartAsync(settings);
        await using var second = await MetricsTestHost.StartAsync(settings);
        var meterName = _prefix + "Grains";
        first.App.Services.GetRequiredService<IMeterFactory>().Create(meterName)
            .CreateCounter<long>("slagrid_events_total").Add(3, TestMeters.Tag("result", "accepted"));
        second.App.Services.GetRequiredService<IMeterFactory>().Create(meterName)
            .CreateCounter<long>("slagrid_events_total").Add(5, TestMeters.Tag("result", "accepted"));

        var firstBody = await first.Client.GetStringAsync("/metrics");
        var secondBody = await second.Client.GetStringAsync("/metrics");

        Assert.Contains("slagrid_events_total{result=\"accepted\"} 3\n", firstBody, StringComparison.Ordinal);
        Assert.Contains("slagrid_events_total{result=\"accepted\"} 5\n", secondBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DedicatedPort_ServesOnlyTheMetricsPath()
    {
        using var contract = new ContractMetrics(_prefix);
        await using var host = await MetricsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Metrics:MeterPrefix"] = _prefix,
            [MetricsOptions.PortKey] = "0",
        });
        var address = host.App.Services.GetRequiredService<MetricsPortServer>().Address;
        Assert.NotNull(address);
        Assert.NotEqual(host.BaseAddress.Port, address.Port);

        using var client = new HttpClient();
        using var metrics = await client.GetAsync(address);
        using var other = await client.GetAsync(new Uri(address, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(PrometheusExporter.ContentType, metrics.Content.Headers.GetValues("Content-Type").Single());
        Assert.Contains("# TYPE slagrid_dossiers_open gauge", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task WithoutAPort_NoDedicatedServerRuns()
    {
        await using var host = await MetricsTestHost.StartAsync(new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix });

        Assert.Null(host.App.Services.GetRequiredService<MetricsPortServer>().Address);
    }

    [Theory]
    [InlineData("Metrics:Port", "70000")]
    [InlineData("Metrics:Port", "-1")]
    [InlineData("Metrics:MaxSeriesPerMetric", "0")]
    [InlineData("Metrics:Path", "metrics")]
    public async Task InvalidOptions_FailAtStart(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix, [key] = value };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MetricsTestHost.StartAsync(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidHost_FailsAtStart_WhenAPortIsSet()
    {
        var settings = new Dictionary<string, string?> { ["Metrics:MeterPrefix"] = _prefix, ["Metrics:Port"] = "0", ["Metrics:Host"] = "metrics.example" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MetricsTestHost.StartAsync(settings));

        Assert.Contains("Metrics:Host", error.Message, StringComparison.Ordinal);
    }
}
