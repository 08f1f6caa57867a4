using SlaGrid.Testing;
using SlaGrid.Testing.Prometheus;

namespace SlaGrid.Silo.Tests.Metrics;

public sealed class PromtoolTests
{
    [ToolFact("promtool")]
    public async Task PromtoolCheckMetrics_AcceptsTheExportersOutput()
    {
        var prefix = TestMeters.UniquePrefix();
        using var exporter = TestMeters.Exporter(prefix);
        using var contract = new ContractMetrics(prefix, provinces: 3, units: 12);
        contract.RecordActivity(5);
        using (var meter = TestMeters.Meter(prefix, "Extra"))
        {
            // Escaping and special values too, not only the happy path.
            meter.CreateGauge<double>("slagrid_test_odd").Record(double.NaN, TestMeters.Tag("unit", "a\\b\"c\nd"));
            meter.CreateGauge<double>("slagrid_test_odd").Record(double.PositiveInfinity, TestMeters.Tag("unit", "x"));
            var text = exporter.ScrapeText();

            var result = await Promtool.CheckMetricsAsync(text, CancellationToken.None);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(result.StandardOutput.Trim().Length == 0 && result.StandardError.Trim().Length == 0, result.Output);
            Assert.Contains("slagrid_test_odd", text, StringComparison.Ordinal);
        }
    }

    [ToolFact("promtool")]
    public async Task PromtoolCheckMetrics_WouldComplainAboutACounterWithoutTotal()
    {
        // The check above can fail: promtool does flag what the exporter refuses to write.
        var result = await Promtool.CheckMetricsAsync("# HELP bad_counter x\n# TYPE bad_counter counter\nbad_counter 1\n", CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
    }

    [ToolFact("promtool")]
    public async Task PromtoolCheckRules_AcceptsTheRecordingRules()
    {
        var files = RepositoryPaths.RuleFiles;
        Assert.NotEmpty(files);

        var result = await Promtool.CheckRulesAsync(files, CancellationToken.None);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("WARNING", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [ToolFact("promtool")]
    public async Task PromtoolCheckConfig_AcceptsTheComposePrometheusConfig()
    {
        // The compose file mounts dashboards/prometheus at /etc/prometheus; promtool resolves rule_files relative to
        // the config file, so check a copy whose rule path points at the repository's rules.
        var config = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Dashboards, "prometheus", "prometheus.yml"));
        Assert.Contains("/etc/prometheus/rules/", config, StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("slagrid-promtool-");
        try
        {
            var copy = Path.Combine(dir.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(copy, config.Replace("/etc/prometheus/rules/", Path.Combine(RepositoryPaths.Dashboards, "prometheus", "rules") + "/", StringComparison.Ordinal));

            var result = await Promtool.CheckConfigAsync(copy, CancellationToken.None);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("0 rule files found", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
