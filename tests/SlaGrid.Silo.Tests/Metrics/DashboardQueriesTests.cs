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
        var queries = DashboardQueries.Load();
        Assert.True(queries.Count >= 40, $"only {queries.Count} queries found in the dashboards");
        Assert.Contains(queries, q => q.IsVariable);

        var report = await DashboardQueryRunner.RunDashboardsAsync(stack.Prometheus!, CancellationToken.None);

        output.WriteLine($"{report.Queries} dashboard queries, {report.Runs} runs.");
        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.Equal(queries.Count * 3, report.Runs);
    }

    [ToolFact("prometheus")]
    public async Task EveryRecordingRule_IsHealthy_AndReturnsData()
    {
        var report = await DashboardQueryRunner.RunRulesAsync(stack.Prometheus!, CancellationToken.None);

        Assert.True(report.Queries >= 10, $"only {report.Queries} rules loaded");
        Assert.True(report.Failures.Count == 0, report.Describe());
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
