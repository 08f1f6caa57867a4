using System.Net;
using SlaGrid.Client.Contracts;
using SlaGrid.Client.Tests.Fakes;

namespace SlaGrid.Client.Tests;

/// <summary>Every typed call against the fake silo over real HTTP, and the mapping of error answers to <see cref="SlaGridApiException"/>.</summary>
public sealed class SlaGridClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 30, 0, TimeSpan.FromHours(7));
    private FakeSilo _silo = null!;
    private SlaGridClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await FakeSilo.StartAsync();
        _client = _silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task ReferenceData_IsPutAsContractJson()
    {
        await _client.PutUnitsAsync([new Unit("VN", "Nation", null, "nation", ["L1"]), new Unit("P01", "Province", "VN", "province")]);
        await _client.PutOfficersAsync([new Officer("O1", "Officer", "P01")]);
        await _client.PutProceduresAsync([new Procedure("1.001", "Proc", new ProcedureLimit(3, LimitUnits.WorkingDays))]);
        await _client.PutCalendarAsync(new CalendarUpdate([new DateOnly(2026, 2, 16)]));
        await _client.PutWebhooksAsync([new Webhook("W1", "http://127.0.0.1:9/hook", "secret", "P01")]);

        Assert.Equal(
            """[{"id":"VN","name":"Nation","parentId":null,"level":"nation","leaders":["L1"]},{"id":"P01","name":"Province","parentId":"VN","level":"province","leaders":[]}]""",
            _silo.RawBodies["/api/v1/units"]);
        Assert.Equal("""[{"id":"O1","name":"Officer","unitId":"P01"}]""", _silo.RawBodies["/api/v1/officers"]);
        Assert.Single(_silo.Procedures);
        Assert.Equal([new DateOnly(2026, 2, 16)], _silo.Calendars.Single().Holidays);
        Assert.Equal("P01", _silo.Webhooks.Single().UnitId);

        var units = await _client.GetUnitsAsync();
        Assert.Equal(["VN", "P01"], units.Select(u => u.Id));
        var hooks = await _client.GetWebhooksAsync();
        Assert.Equal("http://127.0.0.1:9/hook", Assert.Single(hooks).Url);
    }

    [Fact]
    public async Task PostEvents_AnswersOneResultPerEventInOrder()
    {
        var response = await _client.PostEventsAsync(
        [
            new DossierEvent("e1", "D1", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "p"),
            new DossierEvent("e2", "D1", "teleported", At),
            new DossierEvent("e1", "D1", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "p"),
        ]);

        Assert.Equal(["e1", "e2", "e1"], response.Results.Select(r => r.EventId));
        Assert.Equal([IngestStatuses.Accepted, IngestStatuses.Rejected, IngestStatuses.Duplicate], response.Results.Select(r => r.Status));
        Assert.Equal(ErrorCodes.UnknownType, response.Results[1].Error!.Code);
    }

    [Fact]
    public async Task GetDossier_ReturnsTheDossier_OrNullOn404()
    {
        _silo.Dossiers["D 1+x"] = new Dossier("D 1+x", "C1", null, "p", "received", At, At.AddDays(3), At.AddDays(3), false, false, false, false, false, 0, null, null);

        var found = await _client.GetDossierAsync("D 1+x");
        Assert.NotNull(found);
        Assert.Equal(At.AddDays(3), found.DueAt);
        Assert.Null(await _client.GetDossierAsync("nope"));
    }

    [Fact]
    public async Task AHostConfiguredWithSlaGridJson_WritesResponseNullsOnTheWire()
    {
        // The fake silo is ASP.NET Core with SlaGridJson.Configure, as the real silo is meant to be.
        _silo.Dossiers["D1"] = new Dossier("D1", "C1", null, "p", "received", At, null, null, false, false, false, false, false, 0, null, null);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_silo.BaseAddress, "api/v1/dossiers/D1"));
        request.Headers.Authorization = new("Bearer", FakeSilo.AdminKey);
        using var response = await http.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"officerId\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"receivedAt\":\"2026-01-05T08:30:00+07:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_SendDatesAsIsoQueryParameters()
    {
        var unit = await _client.GetUnitStatsAsync("P01", new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 14));
        Assert.Equal("P01", unit.UnitId);
        Assert.True(unit.Flagged);
        Assert.Equal("?from=2025-12-15&to=2026-01-14", _silo.Queries["/api/v1/units/P01/stats"]);

        var officer = await _client.GetOfficerStatsAsync("O1");
        Assert.Equal("O1", officer.OfficerId);
        Assert.Equal(string.Empty, _silo.Queries["/api/v1/officers/O1/stats"]);
    }

    [Fact]
    public async Task Alerts_AreFiltered_AndAcknowledged()
    {
        _silo.Alerts.Add(new Alert("A1", AlertKinds.Overdue, "D1", "C1", null, ["L1"], At, At, AlertStates.Open, "overdue:D1"));
        _silo.Alerts.Add(new Alert("A2", AlertKinds.DueSoon, "D2", "C2", "O1", ["O1"], At, At, AlertStates.Open, "due_soon:D2"));

        var overdue = await _client.GetAlertsAsync(unitId: "C1", state: AlertStates.Open, kind: AlertKinds.Overdue);
        Assert.Equal("A1", Assert.Single(overdue).Id);
        Assert.Equal("?unitId=C1&state=open&kind=overdue", _silo.Queries["/api/v1/alerts"]);

        var acked = await _client.AcknowledgeAlertAsync("A1");
        Assert.Equal(AlertStates.Acknowledged, acked!.State);
        Assert.NotNull(acked.AcknowledgedAt);

        var missing = await Assert.ThrowsAsync<SlaGridApiException>(() => _client.AcknowledgeAlertAsync("A404"));
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
    }

    [Fact]
    public async Task OpenDossiers_PassTheLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            _silo.Dossiers["D" + i] = new Dossier("D" + i, "C1", null, "p", "received", At, At.AddHours(i), At.AddHours(i), false, true, false, false, false, 0, null, null);
        }

        var open = await _client.GetOpenDossiersAsync("C1", limit: 2);
        Assert.Equal(["D0", "D1"], open.Select(d => d.Id));
        Assert.Equal("?limit=2", _silo.Queries["/api/v1/units/C1/dossiers"]);
    }

    [Fact]
    public async Task Keys_AreCreatedListedAndRevoked_AndANewKeyWorks()
    {
        var created = await _client.CreateKeyAsync(new CreateKeyRequest("reader", Roles.Read, "P01"));
        Assert.StartsWith("sg_", created.Key, StringComparison.Ordinal);

        using (var reader = _silo.CreateClient(key: created.Key))
        {
            Assert.Single(await reader.ListKeysAsync());
        }

        await _client.RevokeKeyAsync(created.Id);
        var keys = await _client.ListKeysAsync();
        Assert.NotNull(Assert.Single(keys).RevokedAt);

        var gone = await Assert.ThrowsAsync<SlaGridApiException>(() => _client.RevokeKeyAsync("k999"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Unauthorized_MapsToTheProblemCode()
    {
        using var anonymous = _silo.CreateClient(key: "wrong-key");
        var e = await Assert.ThrowsAsync<SlaGridApiException>(() => anonymous.GetUnitsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, e.Code);
        Assert.Equal(401, e.Problem!.Status);
        Assert.Contains("GET /api/v1/units", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task ValidationProblem_CarriesFieldErrors()
    {
        var e = await Assert.ThrowsAsync<SlaGridApiException>(() => _client.CreateKeyAsync(new CreateKeyRequest("x", "superuser")));
        Assert.Equal(ErrorCodes.ValidationFailed, e.Code);
        Assert.Equal(["must be admin, ingest or read"], e.Problem!.Errors!["role"]);
    }

    [Fact]
    public async Task ErrorWithoutProblemBody_GetsAnHttpStatusCode()
    {
        _silo.EventFailures.Enqueue(new InjectedFailure(502, WithProblem: false));
        var bad = await Assert.ThrowsAsync<SlaGridApiException>(() => _client.PostEventsAsync([new DossierEvent("e", "d", EventTypes.Processed, At)]));
        Assert.Equal("http_502", bad.Code);
        Assert.Null(bad.Problem);
        Assert.True(bad.IsTransient);
    }

    [Fact]
    public async Task ServiceUnavailable_ExposesRetryAfter()
    {
        _silo.EventFailures.Enqueue(new InjectedFailure(503, RetryAfterSeconds: 7));
        var e = await Assert.ThrowsAsync<SlaGridApiException>(() => _client.PostEventsAsync([new DossierEvent("e", "d", EventTypes.Processed, At)]));
        Assert.Equal(ErrorCodes.Unavailable, e.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Empty(_silo.Effects);
    }

    [Fact]
    public async Task HealthReadinessAndMetrics_NeedNoKey()
    {
        using var anonymous = _silo.CreateClient(key: null);
        Assert.True((await anonymous.GetHealthAsync()).IsHealthy);
        _silo.Ready = false;
        var ready = await anonymous.GetReadyAsync();
        Assert.False(ready.IsHealthy);
        Assert.Equal(503, ready.StatusCode);
        Assert.Contains("slagrid_events_total", await anonymous.GetMetricsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableSilo_IsAnHttpRequestException()
    {
        var port = _silo.BaseAddress.Port;
        await _silo.DisposeAsync();
        _silo = await FakeSilo.StartAsync();
        using var client = new SlaGridClient(new Uri($"http://127.0.0.1:{port}/"), "k");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetUnitsAsync());
    }

    [Fact]
    public void Options_AreValidated()
    {
        Assert.Throws<ArgumentException>(() => new SlaGridClient(new HttpClient(), new SlaGridClientOptions { BaseAddress = new Uri("ftp://x/") }));
        Assert.Throws<ArgumentException>(() => new SlaGridClient(new HttpClient(), new SlaGridClientOptions { ApiKey = "a b" }));
        Assert.ThrowsAny<ArgumentException>(() => new SlaGridClient(new HttpClient(), new SlaGridClientOptions { LiveReconnectDelay = TimeSpan.Zero }));
    }

    [Fact]
    public void BaseAddress_KeepsAPathPrefix()
    {
        using var client = new SlaGridClient(new HttpClient(), new SlaGridClientOptions { BaseAddress = new Uri("http://127.0.0.1:5080/slagrid") });
        Assert.Equal("http://127.0.0.1:5080/slagrid/", client.BaseAddress.AbsoluteUri);
    }
}
