using System.Net;
using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>GET /api/v1/alerts</c> (filters; a unit covers its subtree) and <c>POST /api/v1/alerts/{id}/ack</c>.</summary>
public sealed class AlertsApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private static readonly string[] AlertFields = ["id", "kind", "dossierId", "unitId", "officerId", "recipients", "createdAt", "dueAt", "state", "dedupKey"];

    private HttpClient Http => api.Http;

    private async Task<JsonArray> Alerts(string query) => (await Http.GetJsonAsync($"api/v1/alerts{query}")).AsArray();

    [PostgresFact]
    public async Task DossierAlerts_GoToTheRightPeople_AndTheUnitFilterCoversTheSubtree()
    {
        await api.NewSubtreeAsync("AL");
        var now = DateTimeOffset.UtcNow;
        await Http.AcceptAsync(
            Ev.Received("al-1", "AL-D1", Ev.T(3, 2, 9), unitId: "AL-C1", officerId: "AL-O1"),
            Ev.Received("al-2", "AL-D2", Ev.Iso(now.AddMinutes(-1)), unitId: "AL-C2", officerId: "AL-O2", dueAt: Ev.Iso(now.AddHours(1))));

        var all = await Alerts("?unitId=AL-P");
        var overdue = all.Single(a => (string?)a!["dedupKey"] == "overdue:AL-D1")!.AsObject();
        foreach (var field in AlertFields)
        {
            Assert.True(overdue.ContainsKey(field), $"missing '{field}' in {overdue.ToJsonString()}");
        }

        Assert.Equal("overdue", (string?)overdue["kind"]);
        Assert.Equal("AL-D1", (string?)overdue["dossierId"]);
        Assert.Equal("AL-C1", (string?)overdue["unitId"]);
        Assert.Equal("AL-O1", (string?)overdue["officerId"]);
        Assert.Equal(["AL-LC1"], overdue["recipients"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(Ev.T(3, 9, 17), (string?)overdue["dueAt"]);
        Assert.Equal("open", (string?)overdue["state"]);
        Assert.False(string.IsNullOrEmpty((string?)overdue["id"]));
        Assert.EndsWith("+07:00", (string?)overdue["createdAt"], StringComparison.Ordinal);

        // Overdue for months: escalated to the parent unit's leaders.
        var escalated = all.Single(a => (string?)a!["dedupKey"] == "escalated:AL-D1")!;
        Assert.Equal(["AL-LP"], escalated["recipients"]!.AsArray().Select(r => (string?)r));

        // Due within the hour: due soon, to the handling officer.
        var dueSoon = all.Single(a => (string?)a!["dedupKey"] == "due_soon:AL-D2")!;
        Assert.Equal("due_soon", (string?)dueSoon["kind"]);
        Assert.Equal(["AL-O2"], dueSoon["recipients"]!.AsArray().Select(r => (string?)r));

        // Filters: a commune sees only its own; kind and state narrow.
        var c1 = await Alerts("?unitId=AL-C1");
        Assert.Contains(c1, a => (string?)a!["dedupKey"] == "overdue:AL-D1");
        Assert.DoesNotContain(c1, a => (string?)a!["dedupKey"] == "due_soon:AL-D2");
        Assert.All(await Alerts("?unitId=AL-P&kind=overdue"), a => Assert.Equal("overdue", (string?)a!["kind"]));
        Assert.Contains(await Alerts("?unitId=VN&kind=due_soon&state=open"), a => (string?)a!["dedupKey"] == "due_soon:AL-D2");
        Assert.DoesNotContain(await Alerts("?unitId=P1"), a => ((string?)a!["unitId"])!.StartsWith("AL-", StringComparison.Ordinal));
        Assert.Single(await Alerts("?unitId=AL-P&kind=overdue&limit=1"));
    }

    [PostgresFact]
    public async Task Ack_MakesTheAlertAcknowledged_AndTheEndOfItsCauseResolvesIt()
    {
        await api.NewSubtreeAsync("AK");
        await Http.AcceptAsync(Ev.Received("ak-1", "AK-D1", Ev.T(3, 2, 9), unitId: "AK-C1"));
        var overdue = (await Alerts("?unitId=AK-C1&kind=overdue")).Single()!;
        var id = (string)overdue["id"]!;

        using var ack = await Http.PostAsync($"api/v1/alerts/{id}/ack", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = JsonNode.Parse(await ack.Content.ReadAsStringAsync())!;
        Assert.Equal(id, (string?)acknowledged["id"]);
        Assert.Equal("acknowledged", (string?)acknowledged["state"]);

        Assert.Contains(await Alerts("?unitId=AK-P&state=acknowledged"), a => (string?)a!["id"] == id);
        Assert.DoesNotContain(await Alerts("?unitId=AK-P&state=open"), a => (string?)a!["id"] == id);

        // Acknowledging again changes nothing.
        using var again = await Http.PostAsync($"api/v1/alerts/{id}/ack", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // The dossier ends: its alerts resolve.
        await Http.AcceptAsync(Ev.Of("ak-2", "AK-D1", "processed", Ev.T(3, 20, 9)));
        var resolved = await Alerts("?unitId=AK-C1&state=resolved");
        Assert.Contains(resolved, a => (string?)a!["dedupKey"] == "overdue:AK-D1");
        Assert.Contains(resolved, a => (string?)a!["dedupKey"] == "escalated:AK-D1");
    }

    [PostgresFact]
    public async Task SecondSupplementAndSecondReschedule_RaiseTheirAlerts()
    {
        await api.NewSubtreeAsync("AS");
        await Http.AcceptAsync(
            Ev.Received("as-1", "AS-D1", Ev.T(3, 2, 9), unitId: "AS-C1"),
            Ev.Of("as-2", "AS-D1", "supplement_requested", Ev.T(3, 3, 9)),
            Ev.Of("as-3", "AS-D1", "supplement_received", Ev.T(3, 3, 10)),
            Ev.Of("as-4", "AS-D1", "supplement_requested", Ev.T(3, 3, 11)),
            Ev.Received("as-5", "AS-D2", Ev.T(3, 2, 9), unitId: "AS-C2"),
            Ev.Rescheduled("as-6", "AS-D2", Ev.T(3, 6, 9), Ev.T(3, 13, 17)));
        var results = await Http.IngestAsync(Ev.Rescheduled("as-7", "AS-D2", Ev.T(3, 12, 9), Ev.T(3, 20, 17)));
        ApiHttp.AssertRejected(results[0], "as-7", "reschedule_limit");

        var second = (await Alerts("?unitId=AS-P&kind=second_supplement")).Single()!;
        Assert.Equal("AS-D1", (string?)second["dossierId"]);
        Assert.Equal(["AS-LC1"], second["recipients"]!.AsArray().Select(r => (string?)r));
        var limit = (await Alerts("?unitId=AS-P&kind=reschedule_limit")).Single()!;
        Assert.Equal("AS-D2", (string?)limit["dossierId"]);
        Assert.Equal(["AS-LC2"], limit["recipients"]!.AsArray().Select(r => (string?)r));
    }

    [PostgresFact]
    public async Task LateRatios_RaiseUnitAndOfficerAlerts_ForTheLeadersAbove()
    {
        await api.NewSubtreeAsync("AR");
        await Http.AcceptAsync(
            Ev.Received("ar-1", "AR-D1", Ev.T(3, 2, 9), unitId: "AR-C1", officerId: "AR-O1"),
            Ev.Of("ar-2", "AR-D1", "processed", Ev.T(3, 20, 9)));

        JsonNode? unitAlert = null, officerAlert = null;
        await Eventually.WaitAsync(
            async () =>
            {
                var alerts = await Alerts("?unitId=AR-C1");
                unitAlert = alerts.FirstOrDefault(a => (string?)a!["dedupKey"] == "unit_late_ratio:AR-C1");
                officerAlert = alerts.FirstOrDefault(a => (string?)a!["dedupKey"] == "officer_late_ratio:AR-O1");
                return unitAlert is not null && officerAlert is not null;
            },
            TimeSpan.FromSeconds(30),
            "the late-ratio alerts");
        Assert.Equal(["AR-LP"], unitAlert!["recipients"]!.AsArray().Select(r => (string?)r));
        Assert.Null(unitAlert["dossierId"]);
        Assert.Equal(["AR-LC1"], officerAlert!["recipients"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("AR-O1", (string?)officerAlert["officerId"]);
    }

    [PostgresFact]
    public async Task BadFiltersAndUnknownIds_AreAnsweredWithCodes()
    {
        await (await Http.GetAsync("api/v1/alerts?state=sleeping")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/alerts?kind=meteor")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/alerts?limit=lots")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_query");
        await (await Http.GetAsync("api/v1/alerts?unitId=NO-SUCH-UNIT")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Http.PostAsync("api/v1/alerts/no-such-alert/ack", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
