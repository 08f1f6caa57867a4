using SlaGrid.Testing;
using SlaGrid.Testing.Prometheus;
using Xunit.Abstractions;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>Every query of the dashboards and every recording rule, run by a real Prometheus against real exporter output.</summary>
public sealed class DashboardQueriesTests(PrometheusStackFixture stack, ITestOutputHelper output) : IClassFixture<PrometheusStackFixture>
{
    [ToolFact("prometheus")]
    public async Task EveryDashboardQuery_ReturnsData_ForOneValueForSeveralAndForAll()
    {
        var prometheus = stack.Prometheus!;
        var provinces = (await prometheus.LabelValuesAsync("province", "slagrid_dossiers_received_total", CancellationToken.None)).Order(StringComparer.Ordinal).ToList();
        Assert.True(provinces.Count >= 2, $"expected at least 2 provinces, got {provinces.Count}");
        var units = await prometheus.LabelValuesAsync("unit", $"slagrid_dossiers_received_total{{province=\"{provinces[0]}\"}}", CancellationToken.None);
        var kinds = await prometheus.LabelValuesAsync("kind", "slagrid_alerts_total", CancellationToken.None);
        Assert.NotEmpty(units);
        Assert.NotEmpty(kinds);
        var builtIn = new Dictionary<string, string> { ["__rate_interval"] = "30s", ["__interval"] = "5s", ["__range"] = "5m", ["__range_s"] = "300" };
        Dictionary<string, string> Variant(string province, string commune, string kind) =>
            new(builtIn) { ["province"] = province, ["commune"] = commune, ["kind"] = kind };
        var variants = new Dictionary<string, Dictionary<string, string>>
        {
            ["one value"] = Variant(DashboardQueries.RegexValue(provinces[0]), DashboardQueries.RegexValue(units[0]), DashboardQueries.RegexValue(kinds[0])),
            ["several"] = Variant(
                "(" + string.Join('|', provinces.Take(2).Select(DashboardQueries.RegexValue)) + ")",
                "(" + string.Join('|', units.Take(2).Select(DashboardQueries.RegexValue)) + ")",
                "(" + string.Join('|', kinds.Take(2).Select(DashboardQueries.RegexValue)) + ")"),
            ["All"] = Variant(".*", ".*", ".*"),
        };
        var queries = DashboardQueries.Load();
        Assert.True(queries.Count >= 40, $"only {queries.Count} queries found in the dashboards");
        Assert.Contains(queries, q => q.IsVariable);

        var failures = new List<string>();
        var run = 0;
        foreach (var query in queries)
        {
            var promQl = query.IsVariable ? DashboardQueries.VariableToPromQl(query.Expression) : query.Expression;
            foreach (var (variant, values) in variants)
            {
                var expression = DashboardQueries.Substitute(promQl, values);
                try
                {
                    var result = await prometheus.QueryAsync(expression, CancellationToken.None);
                    run++;
                    if (result.SampleCount == 0)
                    {
                        failures.Add($"[{variant}] empty result: {query}\n    ran: {expression}");
                    }
                }
                catch (InvalidOperationException e)
                {
                    failures.Add($"[{variant}] {e.Message}\n    from: {query}");
                }
            }
        }

        output.WriteLine($"{queries.Count} dashboard queries, {run} runs.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ToolFact("prometheus")]
    public async Task EveryRecordingRule_IsHealthy_AndReturnsData()
    {
        var prometheus = stack.Prometheus!;
        var rules = await prometheus.GetRulesAsync(CancellationToken.None);
        Assert.True(rules.Count >= 10, $"only {rules.Count} rules loaded");

        var failures = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.Health != "ok")
            {
                failures.Add($"{rule.Name}: health {rule.Health} {rule.LastError}");
            }

            foreach (var expression in new[] { rule.Query, rule.Name })
            {
                try
                {
                    if ((await prometheus.QueryAsync(expression, CancellationToken.None)).SampleCount == 0)
                    {
                        failures.Add($"{rule.Name}: empty result for {expression}");
                    }
                }
                catch (InvalidOperationException e)
                {
                    failures.Add($"{rule.Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ToolFact("prometheus")]
    public async Task PooledRatios_AreSumsOfNumeratorsOverSumsOfReceived()
    {
        if (stack.Contract is not { } contract)
        {
            output.WriteLine($"Scraping a live silo ({PrometheusStackFixture.TargetVariable}): no synthetic figures to compare.");
            return;
        }

        var units = contract.Units;
        var expected = units.GroupBy(u => u.Province).ToDictionary(
            g => g.Key,
            g => (OnTime: (double)g.Sum(u => u.FinishedEarly + u.FinishedOnTime + u.Open - u.Overdue) / g.Sum(u => u.Received),
                  Late: (double)g.Sum(u => u.FinishedLate + u.Overdue) / g.Sum(u => u.Received)));
        var nationOnTime = (double)units.Sum(u => u.FinishedEarly + u.FinishedOnTime + u.Open - u.Overdue) / units.Sum(u => u.Received);
        var averageOfUnitRatios = units.Average(u => (double)(u.FinishedEarly + u.FinishedOnTime + u.Open - u.Overdue) / u.Received);
        Assert.NotEqual(nationOnTime, averageOfUnitRatios, 9);

        // The activity stopped when the fixture was ready; wait (generously) until Prometheus has the last values.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        string state;
        while (true)
        {
            var onTime = await stack.Prometheus!.QueryAsync("province:slagrid_on_time_ratio:pooled", CancellationToken.None);
            var late = await stack.Prometheus.QueryAsync("province:slagrid_late_ratio:pooled", CancellationToken.None);
            var nation = await stack.Prometheus.QueryAsync("nation:slagrid_on_time_ratio:pooled", CancellationToken.None);
            var matches = onTime.Samples.Count == expected.Count
                && onTime.Samples.All(s => Math.Abs(s.Value - expected[s.Label("province")].OnTime) < 1e-9)
                && late.Samples.All(s => Math.Abs(s.Value - expected[s.Label("province")].Late) < 1e-9)
                && nation.Samples.Count == 1 && Math.Abs(nation.Samples[0].Value - nationOnTime) < 1e-9;
            if (matches)
            {
                return;
            }

            state = $"on time {string.Join(", ", onTime.Samples.Select(s => $"{s.Label("province")}={s.Value}"))}; expected " +
                    $"{string.Join(", ", expected.Select(e => $"{e.Key}={e.Value.OnTime}"))}; nation {(nation.Samples.Count > 0 ? nation.Samples[0].Value : double.NaN)} vs {nationOnTime}";
            Assert.True(DateTimeOffset.UtcNow < deadline, state);
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }
    }
}
