using System.Net;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Api;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Sdk;

/// <summary>The client SDK (<see cref="SlaGridClient"/>, <see cref="IngestChannel"/>, WatchUnitAsync) against the real silo.</summary>
public sealed class SdkAgainstSiloTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private SlaGridClient Client => api.Silo.Client;

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Vn);

    [PostgresFact]
    public async Task ReferenceData_Events_Dossier_Stats_Alerts_RoundTripThroughTheSdk()
    {
        await Client.PutUnitsAsync([new Unit("SD-P", "Tỉnh SDK", "VN", "province", ["SD-L"]), new Unit("SD-C", "Xã SDK", "SD-P", "commune", ["SD-LC"])]);
        await Client.PutOfficersAsync([new Officer("SD-O", "Cán bộ SDK", "SD-C")]);
        await Client.PutProceduresAsync([new Procedure("SD-3", "Three days", new ProcedureLimit(3, "working_days"))]);
        await Client.PutCalendarAsync(new CalendarUpdate([new DateOnly(2026, 3, 5)]));

        var response = await Client.PostEventsAsync(
        [
            new DossierEvent("sd-1", "SD-D1", "received", At(3, 2, 9), UnitId: "SD-C", ProcedureCode: "SD-3", OfficerId: "SD-O"),
            new DossierEvent("sd-2", "SD-D2", "received", At(3, 2, 9), UnitId: "SD-C", ProcedureCode: "SD-3"),
            new DossierEvent("sd-3", "SD-D2", "processed", At(3, 3, 9)),
            new DossierEvent("sd-4", "SD-NONE", "processed", At(3, 3, 9)),
        ]);
        Assert.Equal(["accepted", "accepted", "accepted", "rejected"], response.Results.Select(r => r.Status));
        Assert.Equal("unknown_dossier", response.Results[3].Error?.Code);

        // Thu 5/3 is a holiday now: Mon 2/3 + 3 working days = Tue 3, Wed 4, Fri 6.
        var dossier = await Client.GetDossierAsync("SD-D1");
        Assert.NotNull(dossier);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 17, 0, 0, Vn), dossier.DueAt);
        Assert.Equal("SD-O", dossier.OfficerId);
        Assert.True(dossier.Overdue);
        Assert.Null(await Client.GetDossierAsync("SD-NONE"));

        var stats = await Client.GetUnitStatsAsync("SD-P", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        Assert.Equal((2, 1, 1, 1), (stats.Received, stats.Open, stats.Overdue, stats.FinishedEarly));
        Assert.Equal(0.5, stats.OnTimeRatio, 12);
        var officer = await Client.GetOfficerStatsAsync("SD-O");
        Assert.Equal(1, officer.Received);
        Assert.True(officer.Flagged);

        var alerts = await Client.GetAlertsAsync(unitId: "SD-P", state: "open", kind: "overdue");
        var alert = Assert.Single(alerts);
        Assert.Equal("SD-D1", alert.DossierId);
        var acknowledged = await Client.AcknowledgeAlertAsync(alert.Id);
        Assert.Equal("acknowledged", acknowledged?.State);

        var error = await Assert.ThrowsAsync<SlaGridApiException>(() => Client.GetUnitStatsAsync("SD-NOPE"));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (error.StatusCode, error.Code));
        Assert.True((await Client.GetHealthAsync()).IsHealthy);
        Assert.True((await Client.GetReadyAsync()).IsHealthy);
        Assert.Contains("slagrid_dossiers_open{province=\"SD-P\",unit=\"SD-C\"} 1", await Client.GetMetricsTextAsync(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Keys_CreateListRevoke_ThroughTheSdk_AndARevokedKeyIsRefused()
    {
        var created = await Client.CreateKeyAsync(new CreateKeyRequest("sdk-reader", "read", "P1"));
        Assert.StartsWith("sgk_", created.Key, StringComparison.Ordinal);
        using var reader = new SlaGridClient(api.Silo.BaseAddress, created.Key);
        Assert.Equal("P1", (await reader.GetUnitStatsAsync("P1")).UnitId);
        var denied = await Assert.ThrowsAsync<SlaGridApiException>(() => reader.GetUnitStatsAsync("P2"));
        Assert.Equal((HttpStatusCode.Forbidden, "out_of_scope"), (denied.StatusCode, denied.Code));
        var forbidden = await Assert.ThrowsAsync<SlaGridApiException>(() => reader.PostEventsAsync([new DossierEvent("sdk-x", "SDK-X", "received", At(3, 2, 9), "C1", "WD5")]));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (forbidden.StatusCode, forbidden.Code));

        Assert.Contains(await Client.ListKeysAsync(), k => k.Id == created.Id && k.RevokedAt is null);
        await Client.RevokeKeyAsync(created.Id);
        var revoked = await Assert.ThrowsAsync<SlaGridApiException>(() => reader.GetUnitStatsAsync("P1"));
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (revoked.StatusCode, revoked.Code));
    }

    [PostgresFact]
    public async Task IngestChannel_BatchesManyEvents_AndAResendIsDuplicateWithNoSecondEffect()
    {
        var province = await api.NewSubtreeAsync("SC");
        var events = Enumerable.Range(0, 300).SelectMany(i => new[]
        {
            new DossierEvent($"sc-{i}-r", $"SC-{i}", "received", At(3, 2, 9), UnitId: i % 2 == 0 ? "SC-C1" : "SC-C2", ProcedureCode: "WD5"),
            new DossierEvent($"sc-{i}-p", $"SC-{i}", "processed", i % 3 == 0 ? At(3, 20, 9) : At(3, 4, 9)),
        }).ToList();
        events.Add(new DossierEvent("sc-bad", "SC-BAD", "received", At(3, 2, 9), UnitId: "NO-SUCH-UNIT", ProcedureCode: "WD5"));

        await using (var channel = Client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = 64 }))
        {
            var results = await channel.SendManyAsync(events);
            Assert.Equal(600, results.Count(r => r.Outcome == EventOutcome.Accepted));
            var bad = Assert.Single(results, r => r.Outcome == EventOutcome.Rejected);
            Assert.Equal(("sc-bad", "unknown_unit"), (bad.EventId, bad.Error?.Code));
        }

        await using (var again = Client.CreateIngestChannel())
        {
            var results = await again.SendManyAsync(events.Take(600));
            Assert.All(results, r => Assert.Equal(EventOutcome.Duplicate, r.Outcome));
        }

        var stats = await Client.GetUnitStatsAsync(province);
        Assert.Equal((300, 200, 100), (stats.Received, stats.FinishedEarly, stats.FinishedLate));
    }

    [PostgresFact]
    public async Task WatchUnit_YieldsStatsThenAlerts_AndResumesAfterTheLastAlertSeen()
    {
        var province = await api.NewSubtreeAsync("SW");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? lastAlertId = null;
        await using (var watch = Client.WatchUnitAsync(province, cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token))
        {
            Assert.True(await watch.MoveNextAsync());
            var first = Assert.IsType<UnitLiveStats>(watch.Current);
            Assert.Equal((province, 0L), (first.Stats.UnitId, first.Stats.Received));

            await Client.PostEventsAsync([new DossierEvent("sw-1", "SW-D1", "received", At(3, 2, 9), UnitId: "SW-C1", ProcedureCode: "WD5")]);
            var sawStats = false;
            while (lastAlertId is null || !sawStats)
            {
                Assert.True(await watch.MoveNextAsync());
                switch (watch.Current)
                {
                    case UnitLiveStats { Stats.Received: 1 }:
                        sawStats = true;
                        break;
                    case UnitLiveAlert { Change.Alert.DossierId: "SW-D1" } a:
                        Assert.Equal("raised", a.Change.Event);
                        lastAlertId = a.EventId;
                        break;
                    default:
                        break;
                }
            }
        }

        await Client.PostEventsAsync([new DossierEvent("sw-2", "SW-D2", "received", At(3, 2, 9), UnitId: "SW-C2", ProcedureCode: "WD5")]);
        await using var resumed = Client.WatchUnitAsync(province, lastAlertId, cts.Token).GetAsyncEnumerator(cts.Token);
        var replayed = new List<UnitLiveAlert>();
        while (!replayed.Any(a => a.Change.Alert.DossierId == "SW-D2"))
        {
            Assert.True(await resumed.MoveNextAsync());
            if (resumed.Current is UnitLiveAlert alert)
            {
                replayed.Add(alert);
            }
        }

        Assert.DoesNotContain(replayed, a => a.EventId == lastAlertId);
    }
}
