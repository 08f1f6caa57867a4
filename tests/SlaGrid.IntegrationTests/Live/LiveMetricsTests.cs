using System.Globalization;
using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;
using SlaGrid.Testing.Prometheus;
using Xunit.Abstractions;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// The REAL silo's <c>/metrics</c> against the metrics contract, <c>promtool</c>, and a real Prometheus running
/// every dashboard query and recording rule over it.
/// </summary>
public sealed class LiveMetricsTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [PostgresToolFact("prometheus", "promtool")]
    public async Task LiveSilo_EveryDashboardQueryAndRule_ReturnsData_AndTheFiguresMatchTheApi()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var silo = await TestSilo.StartOnPostgresAsync(database.ConnectionString);
        var client = silo.Client;
        var now = TimeProvider.System.GetUtcNow();
        await LiveGrid.SeedAsync(client, now, ct);

        // More traffic: a duplicate and a rejected event.
        var extra = await client.PostEventsAsync(
            [
                LiveGrid.Received($"HS-{LiveGrid.NhaTrang}-LATE", LiveGrid.NhaTrang, now.AddDays(-40)),
                new DossierEvent("bad-1", "HS-BAD-1", EventTypes.Received, now, LiveGrid.BenThanh, "no-such-procedure"),
            ],
            ct);
        Assert.Equal([IngestStatuses.Duplicate, IngestStatuses.Rejected], extra.Results.Select(r => r.Status));

        // A dossier due in a few seconds, so that a durable deadline fires (due soon → overdue) and the lag histogram
        // has a real sample. On a very loaded machine the due time may pass before the event is applied (then the
        // dossier is overdue at once and no deadline fires): if none fired 10 s after the due time, try again with a
        // wider margin.
        MetricsText scrape = null!;
        for (var margin = 4; ; margin *= 2)
        {
            var at = TimeProvider.System.GetUtcNow();
            var tick = $"HS-{LiveGrid.BenThanh}-TICK{margin}";
            var posted = await client.PostEventsAsync([LiveGrid.Received(tick, LiveGrid.BenThanh, at, LiveGrid.ShortProcedure, at.AddSeconds(margin))], ct);
            Assert.Equal(IngestStatuses.Accepted, posted.Results.Single().Status);
            await Eventually.WaitAsync(
                async () =>
                {
                    scrape = MetricsText.Parse(await client.GetMetricsTextAsync(ct));
                    return scrape.Sum("slagrid_deadline_lag_seconds_count") >= 1 || TimeProvider.System.GetUtcNow() > at.AddSeconds(margin + 10);
                },
                Generous,
                $"{tick}'s deadline");
            scrape = MetricsText.Parse(await client.GetMetricsTextAsync(ct));
            if (scrape.Sum("slagrid_deadline_lag_seconds_count") >= 1)
            {
                break;
            }

            Assert.True(margin < 64, $"{tick} was overdue without a deadline firing, even with a {margin} s margin");
        }

        // Every contract metric, with its type and labels, and values that say the traffic was seen.
        Assert.Empty(ContractMetric.Check(scrape));
        foreach (var result in ContractMetric.EventResults)
        {
            Assert.True(scrape.Sum("slagrid_events_total", ("result", result)) >= 1, $"no {result} event counted");
        }

        var raised = ContractMetric.AlertKinds.Where(k => scrape.Sum("slagrid_alerts_total", ("kind", k)) > 0).ToList();
        output.WriteLine("Alert kinds raised: " + string.Join(", ", raised));
        Assert.Superset(new HashSet<string> { "due_soon", "overdue", "escalated", "reschedule_limit", "second_supplement", "officer_late_ratio" }, raised.ToHashSet());
        Assert.True(scrape.Sum("slagrid_ingest_seconds_count") >= 1);
        Assert.True(scrape.Sum("slagrid_activations", ("grain", "dossier")) >= 1);

        // sum by (province) of the units' own counts is the API's figure for the province's subtree. Deadlines keep
        // moving dossiers (due soon → overdue) in real time, so compare a scrape with API reads taken on both sides
        // of it that agree with each other; a few tries, then assert on the last.
        foreach (var unit in new[] { LiveGrid.KhanhHoa, LiveGrid.HoChiMinh })
        {
            var p = ("province", unit);
            (long, long, long, long, long, long, long, long) api = default, metrics = default;
            for (var attempt = 0; attempt < 10; attempt++)
            {
                var before = Figures(await client.GetUnitStatsAsync(unit, cancellationToken: ct));
                var exposition = MetricsText.Parse(await client.GetMetricsTextAsync(ct));
                api = Figures(await client.GetUnitStatsAsync(unit, cancellationToken: ct));
                metrics = ((long)exposition.Sum("slagrid_dossiers_received_total", p), (long)exposition.Sum("slagrid_dossiers_open", p), (long)exposition.Sum("slagrid_dossiers_overdue", p),
                    (long)exposition.Sum("slagrid_dossiers_due_soon", p), (long)exposition.Sum("slagrid_dossiers_paused", p),
                    (long)exposition.Sum("slagrid_dossiers_finished_total", p, ("outcome", "early")), (long)exposition.Sum("slagrid_dossiers_finished_total", p, ("outcome", "on_time")),
                    (long)exposition.Sum("slagrid_dossiers_finished_total", p, ("outcome", "late")));
                if (before == api && api == metrics)
                {
                    break;
                }

                await Task.Delay(500, ct);
            }

            Assert.Equal(api, metrics);
        }

        static (long, long, long, long, long, long, long, long) Figures(UnitStats stats) =>
            (stats.Received, stats.Open, stats.Overdue, stats.DueSoon, stats.Paused, stats.FinishedEarly, stats.FinishedOnTime, stats.FinishedLate);

        // promtool accepts the live exposition without a complaint.
        var promtool = await Promtool.CheckMetricsAsync(await client.GetMetricsTextAsync(ct), ct);
        Assert.True(promtool.ExitCode == 0 && promtool.StandardOutput.Trim().Length == 0 && promtool.StandardError.Trim().Length == 0, promtool.Output);

        // A real Prometheus scrapes the silo every second with the recording rules loaded.
        await using var prometheus = await PrometheusServer.StartAsync(
            new PrometheusServerOptions { Target = new Uri(silo.BaseAddress, "metrics"), RuleFiles = DashboardFiles.RuleFiles }, ct);
        var up = DateTimeOffset.UtcNow;
        await prometheus.WaitForScrapesAsync(5, ct);
        await prometheus.WaitForRuleEvaluationAsync(up, ct);

        var dashboards = await DashboardQueryRunner.RunDashboardsAsync(prometheus, ct);
        output.WriteLine($"Dashboards: {dashboards.Queries} queries, {dashboards.Runs} runs.");
        Assert.True(dashboards.Failures.Count == 0, dashboards.Describe());
        Assert.True(dashboards.Queries >= 40, dashboards.Describe());
        var rules = await DashboardQueryRunner.RunRulesAsync(prometheus, ct);
        Assert.True(rules.Failures.Count == 0, rules.Describe());
        Assert.True(rules.Queries >= 10, rules.Describe());

        // The pooled ratios of the rules are the grid's own ratios. Prometheus scrapes and evaluates rules every second,
        // so it converges on the API's figures within a few intervals: compare until they agree (bounded).
        string? mismatch = null;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            mismatch = null;
            foreach (var unit in new[] { LiveGrid.KhanhHoa, LiveGrid.HoChiMinh })
            {
                var stats = await client.GetUnitStatsAsync(unit, cancellationToken: ct);
                var onTime = (await prometheus.QueryAsync($"province:slagrid_on_time_ratio:pooled{{province=\"{unit}\"}}", ct)).Samples.Single().Value;
                var late = (await prometheus.QueryAsync($"province:slagrid_late_ratio:pooled{{province=\"{unit}\"}}", ct)).Samples.Single().Value;
                if (Math.Abs(stats.OnTimeRatio - onTime) > 1e-9 || Math.Abs(stats.LateRatio - late) > 1e-9)
                {
                    mismatch = $"{unit}: API on-time {stats.OnTimeRatio} late {stats.LateRatio}, rules {onTime} / {late}";
                }
            }

            var nation = await client.GetUnitStatsAsync(LiveGrid.Nation, cancellationToken: ct);
            var nationOnTime = (await prometheus.QueryAsync("nation:slagrid_on_time_ratio:pooled", ct)).Samples.Single().Value;
            var overdue = (await prometheus.QueryAsync("sum(slagrid_dossiers_overdue)", ct)).Samples.Single().Value;
            if (Math.Abs(nation.OnTimeRatio - nationOnTime) > 1e-9 || nation.Overdue != (long)overdue)
            {
                mismatch = $"nation: API on-time {nation.OnTimeRatio} overdue {nation.Overdue}, rules {nationOnTime} / {overdue}";
            }

            if (mismatch is null)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        Assert.True(mismatch is null, mismatch);
    }
}
