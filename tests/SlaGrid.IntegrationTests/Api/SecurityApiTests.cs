using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>API keys: authentication (401), roles (403 <c>forbidden</c>), unit scopes (403 <c>out_of_scope</c>), storage.</summary>
public sealed class SecurityApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private HttpClient Admin => api.Http;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "api/v1/units/VN/stats" },
        { "GET", "api/v1/officers/O1/stats" },
        { "GET", "api/v1/dossiers/X" },
        { "GET", "api/v1/alerts" },
        { "POST", "api/v1/alerts/x/ack" },
        { "GET", "api/v1/units/VN/live" },
        { "GET", "api/v1/units" },
        { "POST", "api/v1/events" },
        { "PUT", "api/v1/units" },
        { "PUT", "api/v1/officers" },
        { "PUT", "api/v1/procedures" },
        { "PUT", "api/v1/calendar" },
        { "PUT", "api/v1/webhooks" },
        { "GET", "api/v1/webhooks" },
        { "POST", "api/v1/keys" },
        { "GET", "api/v1/keys" },
        { "DELETE", "api/v1/keys/x" },
    };

    [PostgresTheory]
    [MemberData(nameof(Endpoints))]
    public async Task NoKey_BadKey_OrNotBearer_Is401(string method, string path)
    {
        foreach (var header in new string?[] { null, "Bearer not-a-key-at-all", "Bearer sgk_abcdef123456_wrongsecret", "Basic dXNlcjpwYXNz", "Bearer " })
        {
            using var http = api.Silo.CreateHttp(null);
            var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = method == "GET" ? null : new StringContent("[]", System.Text.Encoding.UTF8, "application/json") };
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await http.SendAsync(request);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.FirstOrDefault()?.Scheme);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [PostgresFact]
    public async Task ReadKey_Reads_ButCannotIngestOrAdminister()
    {
        using var read = api.Silo.CreateHttp(await api.NewKeyAsync("read"));
        await read.GetJsonAsync("api/v1/units/VN/stats");
        await read.GetJsonAsync("api/v1/alerts");
        await (await read.PostEventsAsync(Ev.Received("sr-1", "SR-D", Ev.T(3, 2, 9)))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.SendJsonAsync(HttpMethod.Put, "api/v1/units", "[]")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.SendJsonAsync(HttpMethod.Put, "api/v1/procedures", "[]")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.SendJsonAsync(HttpMethod.Put, "api/v1/calendar", "{}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"x","role":"admin"}""")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.GetAsync("api/v1/keys")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Admin.GetAsync("api/v1/dossiers/SR-D")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [PostgresFact]
    public async Task IngestKey_PostsEvents_ButCannotRead()
    {
        using var ingest = api.Silo.CreateHttp(await api.NewKeyAsync("ingest"));
        await ingest.AcceptAsync(Ev.Received("si-1", "SI-D", Ev.T(3, 2, 9)));
        await (await ingest.GetAsync("api/v1/units/VN/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.GetAsync("api/v1/officers/O1/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.GetAsync("api/v1/dossiers/SI-D")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.GetAsync("api/v1/alerts")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.GetAsync("api/v1/units/VN/live")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.SendJsonAsync(HttpMethod.Put, "api/v1/units", "[]")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [PostgresFact]
    public async Task ScopedReadKey_SeesItsSubtree_AndGets403OutOfScopeForTheRest()
    {
        await Admin.AcceptAsync(
            Ev.Received("ss-1", "SS-P1", Ev.T(3, 2, 9), unitId: "C1", officerId: "O1"),
            Ev.Received("ss-2", "SS-P2", Ev.T(3, 2, 9), unitId: "C3", officerId: "O4"));
        using var p1 = api.Silo.CreateHttp(await api.NewKeyAsync("read", "P1"));

        Assert.Equal("P1", (string?)(await p1.GetJsonAsync("api/v1/units/P1/stats"))["unitId"]);
        await p1.GetJsonAsync("api/v1/units/C1/stats");
        Assert.Equal("C1", (string?)(await p1.GetJsonAsync("api/v1/dossiers/SS-P1"))["unitId"]);
        await p1.GetJsonAsync("api/v1/officers/O1/stats");

        await (await p1.GetAsync("api/v1/units/P2/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/units/VN/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/units/C3/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/dossiers/SS-P2")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/officers/O4/stats")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/alerts?unitId=P2")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.GetAsync("api/v1/units/P2/dossiers")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await using (var live = await SseStream.OpenAsync(p1, "api/v1/units/P2/live"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, live.Response.StatusCode);
        }

        // Lists are cut to the scope.
        var alerts = (await p1.GetJsonAsync("api/v1/alerts")).AsArray();
        Assert.Contains(alerts, a => (string?)a!["dossierId"] == "SS-P1");
        Assert.DoesNotContain(alerts, a => (string?)a!["dossierId"] == "SS-P2");
        var units = (await p1.GetJsonAsync("api/v1/units")).AsArray().Select(u => (string?)u!["id"]).ToHashSet();
        Assert.Equal(["C1", "C2", "P1"], units.Order(StringComparer.Ordinal));

        // Acknowledging another province's alert is out of scope too.
        var p2Alert = (string)(await Admin.GetJsonAsync("api/v1/alerts?unitId=C3&kind=overdue")).AsArray().First(a => (string?)a!["dossierId"] == "SS-P2")!["id"]!;
        await (await p1.PostAsync($"api/v1/alerts/{p2Alert}/ack", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        Assert.Equal("open", (string?)(await Admin.GetJsonAsync("api/v1/alerts?unitId=C3&kind=overdue")).AsArray().First(a => (string?)a!["id"] == p2Alert)!["state"]);
    }

    [PostgresFact]
    public async Task ScopedIngestKey_EventsNamingOrTouchingOtherProvinces_AreRejectedOutOfScope()
    {
        await Admin.AcceptAsync(Ev.Received("sx-0", "SX-P2", Ev.T(3, 2, 9), unitId: "C3"));
        using var p1 = api.Silo.CreateHttp(await api.NewKeyAsync("ingest", "P1"));

        var results = await p1.IngestAsync(
            Ev.Received("sx-1", "SX-IN", Ev.T(3, 2, 9), unitId: "C2"),
            Ev.Received("sx-2", "SX-OUT", Ev.T(3, 2, 9), unitId: "C3"),
            Ev.Of("sx-3", "SX-P2", "processed", Ev.T(3, 3, 9)),
            Ev.Assigned("sx-4", "SX-IN", Ev.T(3, 3, 9), unitId: "P2"),
            Ev.Received("sx-0", "SX-P2", Ev.T(3, 2, 9), unitId: "C3"),
            Ev.Received("sx-5", "SX-TOP", Ev.T(3, 2, 9), unitId: "VN"));
        ApiHttp.AssertStatus(results[0], "sx-1", "accepted");
        ApiHttp.AssertRejected(results[1], "sx-2", "out_of_scope");
        ApiHttp.AssertRejected(results[2], "sx-3", "out_of_scope");
        ApiHttp.AssertRejected(results[3], "sx-4", "out_of_scope");
        ApiHttp.AssertRejected(results[4], "sx-0", "out_of_scope");
        ApiHttp.AssertRejected(results[5], "sx-5", "out_of_scope");

        Assert.Equal("C2", (string?)(await Admin.GetJsonAsync("api/v1/dossiers/SX-IN"))["unitId"]);
        Assert.Null((await Admin.GetJsonAsync("api/v1/dossiers/SX-P2"))["finishedAt"]);
        await (await Admin.GetAsync("api/v1/dossiers/SX-OUT")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // The key's own retry is still a duplicate.
        ApiHttp.AssertStatus((await p1.IngestAsync(Ev.Received("sx-1", "SX-IN", Ev.T(3, 2, 9), unitId: "C2")))[0], "sx-1", "duplicate");
    }

    [PostgresFact]
    public async Task ScopedAdminKey_CannotChangeNationalReferenceData()
    {
        using var p1 = api.Silo.CreateHttp(await api.NewKeyAsync("admin", "P1"));
        await (await p1.SendJsonAsync(HttpMethod.Put, "api/v1/units", """[{"id":"C1","name":"x","parentId":"P1","level":"commune"}]"""))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.SendJsonAsync(HttpMethod.Put, "api/v1/procedures", "[]")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"wider","role":"read"}""")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        await (await p1.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"other","role":"read","unitId":"P2"}""")).AssertProblemAsync(HttpStatusCode.Forbidden, "out_of_scope");
        using var created = await p1.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"narrower","role":"read","unitId":"C1"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [PostgresFact]
    public async Task BootstrapAdminKey_Works_AndIsNotStored()
    {
        using var http = api.Silo.CreateHttp(TestSilo.AdminKey);
        await http.GetJsonAsync("api/v1/keys");
        await using var db = new NpgsqlConnection(api.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM api_keys WHERE secret_hash LIKE '%' || @k || '%' OR id = @k OR name = @k", db);
        cmd.Parameters.AddWithValue("k", TestSilo.AdminKey);
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [PostgresFact]
    public async Task Keys_AreShownOnce_ListedWithoutSecret_StoredHashed_AndRevokedAtOnce()
    {
        using var created = await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"reporting","role":"read","unitId":"P1"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = (string)body["id"]!;
        var key = (string)body["key"]!;
        Assert.Equal("read", (string?)body["role"]);
        Assert.Equal("P1", (string?)body["unitId"]);
        Assert.Equal("reporting", (string?)body["name"]);
        Assert.NotNull((string?)body["createdAt"]);

        using var reader = api.Silo.CreateHttp(key);
        await reader.GetJsonAsync("api/v1/units/P1/stats");

        var listText = (await Admin.GetJsonAsync("api/v1/keys")).ToJsonString();
        var listed = JsonNode.Parse(listText)!.AsArray().Single(k => (string?)k!["id"] == id)!.AsObject();
        Assert.False(listed.ContainsKey("key"));
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^20..], listText, StringComparison.Ordinal);
        Assert.Null(listed["revokedAt"]);

        // Stored: no column holds the key or its secret part; the hash is 64 hex digits.
        await using (var db = new NpgsqlConnection(api.ConnectionString))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT id, name, role, coalesce(unit_scope, ''), secret_hash FROM api_keys WHERE id = @id", db);
            cmd.Parameters.AddWithValue("id", id);
            await using var row = await cmd.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            var secret = key[(key.LastIndexOf('_') + 1)..];
            for (var i = 0; i < row.FieldCount; i++)
            {
                var value = row.GetString(i);
                Assert.DoesNotContain(secret, value, StringComparison.Ordinal);
                Assert.DoesNotContain(key, value, StringComparison.Ordinal);
            }

            Assert.Matches("^[0-9a-f]{64}$", row.GetString(4));
        }

        using var revoke = await Admin.DeleteAsync($"api/v1/keys/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await (await reader.GetAsync("api/v1/units/P1/stats")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotNull((await Admin.GetJsonAsync("api/v1/keys")).AsArray().Single(k => (string?)k!["id"] == id)!["revokedAt"]);
    }

    [PostgresFact]
    public async Task KeyRequests_AreValidated()
    {
        await (await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"x","role":"root"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"x","role":"READ"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"role":"read"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """{"name":"x","role":"read","unitId":"NO-SUCH-UNIT"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.SendJsonAsync(HttpMethod.Post, "api/v1/keys", """["read"]""")).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        await (await Admin.DeleteAsync("api/v1/keys/no-such-key")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
