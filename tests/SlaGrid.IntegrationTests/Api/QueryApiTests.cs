using System.Net;
using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>GET /api/v1/dossiers/{id}</c>, <c>/units/{id}/stats</c>, <c>/officers/{id}/stats</c>, <c>/units/{id}/dossiers</c>.</summary>
public sealed class QueryApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private static readonly string[] DossierFields =
    [
        "id", "unitId", "officerId", "procedureCode", "status", "receivedAt", "dueAt", "originalDueAt", "paused", "overdue",
        "dueSoon", "rescheduled", "apologyLate", "supplementRequests", "finishedAt", "outcome",
    ];

    private static readonly string[] StatsCounts =
        ["received", "open", "overdue", "dueSoon", "paused", "finishedEarly", "finishedOnTime", "finishedLate"];

    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task OpenDossier_ShowsEveryContractField_NullsIncluded()
    {
        await Http.AcceptAsync(Ev.Received("q-1", "Q-OPEN", Ev.T(3, 2, 9)));
        var dossier = (await Http.GetJsonAsync("api/v1/dossiers/Q-OPEN")).AsObject();

        foreach (var field in DossierFields)
        {
            Assert.True(dossier.ContainsKey(field), $"missing '{field}' in {dossier.ToJsonString()}");
        }

        Assert.Equal("Q-OPEN", (string?)dossier["id"]);
        Assert.Equal("C1", (string?)dossier["unitId"]);
        Assert.Null(dossier["officerId"]);
        Assert.Equal("WD5", (string?)dossier["procedureCode"]);
        Assert.Equal("received", (string?)dossier["status"]);
        Assert.Equal(Ev.T(3, 2, 9), (string?)dossier["receivedAt"]);
        Assert.Equal(Ev.T(3, 9, 17), (string?)dossier["dueAt"]);
        Assert.Equal(Ev.T(3, 9, 17), (string?)dossier["originalDueAt"]);
        Assert.False((bool)dossier["paused"]!);
        Assert.True((bool)dossier["overdue"]!);
        Assert.False((bool)dossier["dueSoon"]!);
        Assert.False((bool)dossier["rescheduled"]!);
        Assert.False((bool)dossier["apologyLate"]!);
        Assert.Equal(0, (int)dossier["supplementRequests"]!);
        Assert.Null(dossier["finishedAt"]);
        Assert.Null(dossier["outcome"]);
    }

    [PostgresFact]
    public async Task FinishedDossier_HasFinishedAtAndOutcome_AndIsNeitherOverdueNorDueSoon()
    {
        await Http.AcceptAsync(Ev.Received("q-f1", "Q-FIN", Ev.T(3, 2, 9), officerId: "O2"), Ev.Of("q-f2", "Q-FIN", "processed", Ev.T(3, 9, 16, 59)));
        var dossier = await Http.GetJsonAsync("api/v1/dossiers/Q-FIN");
        Assert.Equal("O2", (string?)dossier["officerId"]);
        Assert.Equal("processed", (string?)dossier["status"]);
        Assert.Equal(Ev.T(3, 9, 16, 59), (string?)dossier["finishedAt"]);
        Assert.Equal("on_time", (string?)dossier["outcome"]);
        Assert.False((bool)dossier["overdue"]!);
        Assert.False((bool)dossier["dueSoon"]!);
    }

    [PostgresFact]
    public async Task UnknownOrOnlySubmittedDossier_Is404()
    {
        await (await Http.GetAsync("api/v1/dossiers/Q-NOBODY")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await Http.AcceptAsync(Ev.Of("q-s1", "Q-SUBMITTED", "submitted", Ev.T(3, 2, 9)));
        await (await Http.GetAsync("api/v1/dossiers/Q-SUBMITTED")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // Received afterwards: now it is tracked.
        await Http.AcceptAsync(Ev.Received("q-s2", "Q-SUBMITTED", Ev.T(3, 3, 9)));
        Assert.Equal(Ev.T(3, 3, 9), (string?)(await Http.GetJsonAsync("api/v1/dossiers/Q-SUBMITTED"))["receivedAt"]);
    }

    [PostgresFact]
    public async Task UnitStats_CountEveryCategory_AndComputeTheRatios()
    {
        var province = await api.NewSubtreeAsync("QC");
        var now = DateTimeOffset.UtcNow;
        await Http.AcceptAsync(
            Ev.Received("qc-1", "QC-OVERDUE", Ev.T(3, 2, 9), unitId: "QC-C1"),
            Ev.Received("qc-2", "QC-DUESOON", Ev.Iso(now.AddMinutes(-1)), unitId: "QC-C1", dueAt: Ev.Iso(now.AddHours(1))),
            Ev.Received("qc-3", "QC-PAUSED", Ev.T(3, 2, 9), unitId: "QC-C2"),
            Ev.Of("qc-4", "QC-PAUSED", "supplement_requested", Ev.T(3, 3, 9)),
            Ev.Received("qc-5", "QC-RUNNING", Ev.Iso(now.AddMinutes(-1)), unitId: "QC-C2", dueAt: Ev.Iso(now.AddDays(60))),
            Ev.Received("qc-6", "QC-EARLY", Ev.T(3, 2, 9), unitId: "QC-C1"),
            Ev.Of("qc-7", "QC-EARLY", "processed", Ev.T(3, 4, 9)),
            Ev.Received("qc-8", "QC-ONTIME", Ev.T(3, 2, 9), unitId: "QC-C2"),
            Ev.Of("qc-9", "QC-ONTIME", "processed", Ev.T(3, 9, 15)),
            Ev.Received("qc-10", "QC-LATE", Ev.T(3, 2, 9), unitId: "QC-C2"),
            Ev.Of("qc-11", "QC-LATE", "processed", Ev.T(3, 10, 9)));

        var stats = (await Http.GetJsonAsync($"api/v1/units/{province}/stats")).AsObject();
        Assert.Equal(province, (string?)stats["unitId"]);
        Assert.Equal([7, 4, 1, 1, 1, 1, 1, 1], StatsCounts.Select(f => (long)stats[f]!));
        Assert.Equal(5d / 7, (double)stats["onTimeRatio"]!, 12);
        Assert.Equal(2d / 7, (double)stats["lateRatio"]!, 12);
        Assert.True((bool)stats["flagged"]!);

        // The subtree of one commune only.
        var c1 = await Http.GetJsonAsync("api/v1/units/QC-C1/stats");
        Assert.Equal([3, 2, 1, 1, 0, 1, 0, 0], StatsCounts.Select(f => (long)c1[f]!));

        // And the nation sees them too.
        Assert.True((long)(await Http.GetJsonAsync("api/v1/units/VN/stats"))["received"]! >= 7);
    }

    [PostgresFact]
    public async Task Stats_FromTo_FilterByReceiptDate_Inclusive()
    {
        var province = await api.NewSubtreeAsync("QF");
        await Http.AcceptAsync(
            Ev.Received("qf-1", "QF-1", Ev.T(3, 2, 9), unitId: "QF-C1", officerId: "QF-O1"),
            Ev.Received("qf-2", "QF-2", Ev.T(3, 3, 23, 30), unitId: "QF-C1", officerId: "QF-O1"),
            Ev.Received("qf-3", "QF-3", "2026-03-03T17:30:00Z", unitId: "QF-C2", officerId: "QF-O1"),
            Ev.Received("qf-4", "QF-4", Ev.T(3, 5, 9), unitId: "QF-C2"));

        // QF-3 is received on 4/3 in Vietnam (00:30 +07:00) although 3/3 in UTC.
        async Task<long> Received(string query) => (long)(await Http.GetJsonAsync($"api/v1/units/{province}/stats{query}"))["received"]!;
        Assert.Equal(4, await Received(string.Empty));
        Assert.Equal(2, await Received("?from=2026-03-02&to=2026-03-03"));
        Assert.Equal(1, await Received("?from=2026-03-04&to=2026-03-04"));
        Assert.Equal(2, await Received("?from=2026-03-04"));
        Assert.Equal(1, await Received("?to=2026-03-02"));
        Assert.Equal(0, await Received("?from=2026-04-01"));
        Assert.Equal(2, await Received("?from=2026-03-03T00:00:00%2B07:00&to=2026-03-04"));

        async Task<long> OfficerReceived(string query) => (long)(await Http.GetJsonAsync($"api/v1/officers/QF-O1/stats{query}"))["received"]!;
        Assert.Equal(3, await OfficerReceived(string.Empty));
        Assert.Equal(1, await OfficerReceived("?from=2026-03-04&to=2026-03-05"));
    }

    [PostgresFact]
    public async Task Ratios_ArePooledOverTheSubtree_NotAveragedOverChildren()
    {
        var province = await api.NewSubtreeAsync("QP");
        await Http.AcceptAsync(
            Ev.Received("qp-1", "QP-1", Ev.T(3, 2, 9), unitId: "QP-C1"),
            Ev.Of("qp-2", "QP-1", "processed", Ev.T(3, 20, 9)),
            Ev.Received("qp-3", "QP-2", Ev.T(3, 2, 9), unitId: "QP-C2"),
            Ev.Of("qp-4", "QP-2", "processed", Ev.T(3, 3, 9)),
            Ev.Received("qp-5", "QP-3", Ev.T(3, 2, 9), unitId: "QP-C2"),
            Ev.Of("qp-6", "QP-3", "processed", Ev.T(3, 3, 9)),
            Ev.Received("qp-7", "QP-4", Ev.T(3, 2, 9), unitId: "QP-C2"),
            Ev.Of("qp-8", "QP-4", "processed", Ev.T(3, 3, 9)));

        Assert.Equal(1d, (double)(await Http.GetJsonAsync("api/v1/units/QP-C1/stats"))["lateRatio"]!);
        Assert.Equal(0d, (double)(await Http.GetJsonAsync("api/v1/units/QP-C2/stats"))["lateRatio"]!);
        var stats = await Http.GetJsonAsync($"api/v1/units/{province}/stats");
        Assert.Equal(0.25, (double)stats["lateRatio"]!, 12);
        Assert.Equal(0.75, (double)stats["onTimeRatio"]!, 12);
    }

    [PostgresFact]
    public async Task Flagged_UnitAtTenPercent_OfficerOnlyAboveTenPercent()
    {
        var province = await api.NewSubtreeAsync("QT");
        var events = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            // QT-C1 / QT-O1: ten dossiers, the first one late: 10% exactly.
            events.Add(Ev.Received($"qt-a{i}", $"QT-A{i}", Ev.T(3, 2, 9), unitId: "QT-C1", officerId: "QT-O1"));
            events.Add(Ev.Of($"qt-a{i}-end", $"QT-A{i}", "processed", i == 0 ? Ev.T(3, 20, 9) : Ev.T(3, 3, 9)));
        }

        for (var i = 0; i < 11; i++)
        {
            // QT-C2: eleven dossiers, one late (9.1%); QT-O2 handles five of them, the late one included (20%).
            events.Add(Ev.Received($"qt-b{i}", $"QT-B{i}", Ev.T(3, 2, 9), unitId: "QT-C2", officerId: i < 5 ? "QT-O2" : null));
            events.Add(Ev.Of($"qt-b{i}-end", $"QT-B{i}", "processed", i == 0 ? Ev.T(3, 20, 9) : Ev.T(3, 3, 9)));
        }

        await Http.AcceptAsync([.. events]);

        var c1 = await Http.GetJsonAsync("api/v1/units/QT-C1/stats");
        Assert.Equal(0.1, (double)c1["lateRatio"]!, 12);
        Assert.True((bool)c1["flagged"]!);
        var o1 = await Http.GetJsonAsync("api/v1/officers/QT-O1/stats");
        Assert.Equal("QT-O1", (string?)o1["officerId"]);
        Assert.Equal(0.1, (double)o1["lateRatio"]!, 12);
        Assert.False((bool)o1["flagged"]!);

        var c2 = await Http.GetJsonAsync("api/v1/units/QT-C2/stats");
        Assert.Equal(1d / 11, (double)c2["lateRatio"]!, 12);
        Assert.False((bool)c2["flagged"]!);
        var o2 = await Http.GetJsonAsync("api/v1/officers/QT-O2/stats");
        Assert.Equal(0.2, (double)o2["lateRatio"]!, 12);
        Assert.True((bool)o2["flagged"]!);

        var p = await Http.GetJsonAsync($"api/v1/units/{province}/stats");
        Assert.Equal(2d / 21, (double)p["lateRatio"]!, 12);
        Assert.False((bool)p["flagged"]!);
    }

    [PostgresFact]
    public async Task Stats_WithNothingReceived_AreZeroWithZeroRatios_AndNotFlagged()
    {
        var province = await api.NewSubtreeAsync("QZ");
        var stats = (await Http.GetJsonAsync($"api/v1/units/{province}/stats")).AsObject();
        Assert.All(StatsCounts, f => Assert.Equal(0, (long)stats[f]!));
        Assert.Equal(0d, (double)stats["onTimeRatio"]!);
        Assert.Equal(0d, (double)stats["lateRatio"]!);
        Assert.False((bool)stats["flagged"]!);

        var officer = (await Http.GetJsonAsync("api/v1/officers/QZ-O1/stats")).AsObject();
        Assert.Equal("QZ-O1", (string?)officer["officerId"]);
        Assert.All(StatsCounts, f => Assert.Equal(0, (long)officer[f]!));
    }

    [PostgresFact]
    public async Task Stats_UnknownIdsAndBadDates_AreAnsweredWithCodes()
    {
        await (await Http.GetAsync("api/v1/units/NO-SUCH-UNIT/stats")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Http.GetAsync("api/v1/officers/NO-SUCH-OFFICER/stats")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Http.GetAsync("api/v1/units/VN/stats?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/units/VN/stats?to=2026-02-30")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/units/VN/stats?from=2026-03-05&to=2026-03-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/officers/O1/stats?from=x")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/units/VN/dossiers?limit=many")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
    }

    [PostgresFact]
    public async Task OpenDossiersOfASubtree_AreListed()
    {
        await api.NewSubtreeAsync("QL");
        await Http.AcceptAsync(
            Ev.Received("ql-1", "QL-1", Ev.T(3, 2, 9), unitId: "QL-C1"),
            Ev.Received("ql-2", "QL-2", Ev.T(3, 2, 9), unitId: "QL-C2"),
            Ev.Received("ql-3", "QL-3", Ev.T(3, 2, 9), unitId: "QL-C2"),
            Ev.Of("ql-4", "QL-3", "processed", Ev.T(3, 3, 9)));
        var list = (await Http.GetJsonAsync("api/v1/units/QL-P/dossiers?limit=10")).AsArray();
        Assert.Equal(["QL-1", "QL-2"], list.Select(d => (string?)d!["id"]).Order(StringComparer.Ordinal));
        Assert.All(list, d => Assert.True((bool)d!["overdue"]!));
    }
}
