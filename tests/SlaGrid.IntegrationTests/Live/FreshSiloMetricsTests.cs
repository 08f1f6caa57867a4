using SlaGrid.IntegrationTests.Infrastructure;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// A silo that has its units but has not taken one event yet already exports every contract metric, zeros
/// included: dashboards show 0 rather than "no data", and <c>rate()</c> sees the first increment.
/// </summary>
public sealed class FreshSiloMetricsTests
{
    [Fact]
    public async Task FreshSilo_ExportsEveryContractMetric_WithZeros_BeforeAnyEvent()
    {
        await using var silo = await TestSilo.StartOnSqliteAsync();
        await silo.Client.PutUnitsAsync(LiveGrid.Units);

        var scrape = MetricsText.Parse(await silo.Client.GetMetricsTextAsync());

        Assert.Empty(ContractMetric.Check(scrape));
        foreach (var name in ContractMetric.PerUnit)
        {
            Assert.Equal(LiveGrid.Units.Select(u => u.Id).Order(StringComparer.Ordinal), scrape.Of(name).Select(s => s.Labels["unit"]).Distinct().Order(StringComparer.Ordinal));
        }

        Assert.Equal(LiveGrid.Units.Count * 3, scrape.Of("slagrid_dossiers_finished_total").Count());
        Assert.Equal(ContractMetric.AlertKinds.Order(StringComparer.Ordinal), scrape.Of("slagrid_alerts_total").Select(s => s.Labels["kind"]).Order(StringComparer.Ordinal));
        Assert.All(scrape.Of("slagrid_alerts_total"), s => Assert.Equal(0, s.Value));
        Assert.Equal(ContractMetric.EventResults.Order(StringComparer.Ordinal), scrape.Of("slagrid_events_total").Select(s => s.Labels["result"]).Order(StringComparer.Ordinal));
        Assert.All(scrape.Of("slagrid_events_total"), s => Assert.Equal(0, s.Value));
        Assert.Equal(0, scrape.Sum("slagrid_deadline_lag_seconds_count"));
        Assert.Contains(scrape.Of("slagrid_deadline_lag_seconds_bucket"), s => s.Labels["le"] == "+Inf");
        Assert.Equal(["dossier", "officer", "unit"], scrape.Of("slagrid_activations").Select(s => s.Labels["grain"]).Order(StringComparer.Ordinal));
    }
}
