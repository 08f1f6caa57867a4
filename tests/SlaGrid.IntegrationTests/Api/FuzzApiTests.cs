using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Grains.Persistence;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>
/// Hostile input at the API: malformed and deeply nested JSON, wrong types, unknown enums, absurd dates, invalid
/// UTF-8, duplicate ids, huge and empty batches, events invalid in their place, scope violations. Each gets its
/// documented answer, the silo stays up, and nothing changes: stats, the store's recount, the event log and the
/// alerts are the same before and after.
/// </summary>
public sealed class FuzzApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private static readonly HashSet<string> ElementCodes =
    [
        "invalid_event", "missing_field", "invalid_field", "unknown_type", "time_out_of_range", "unknown_unit", "unknown_procedure",
        "unknown_dossier", "not_received", "already_received", "dossier_ended", "not_paused", "already_paused", "invalid_due",
        "out_of_order", "event_id_conflict", "out_of_scope",
    ];

    private const string LoneSurrogate = "__LONE_SURROGATE__";

    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task HostileInput_GetsItsDocumentedAnswer_AndChangesNothing()
    {
        await api.NewSubtreeAsync("FZ");
        object[] seed =
        [
            Ev.Received("fz-1", "FZ-OPEN", Ev.T(3, 2, 9), unitId: "FZ-C1", officerId: "FZ-O1"),
            Ev.Received("fz-2", "FZ-DONE", Ev.T(3, 2, 9), unitId: "FZ-C2", officerId: "FZ-O2"),
            Ev.Of("fz-3", "FZ-DONE", "processed", Ev.T(3, 4, 9)),
            Ev.Received("fz-4", "FZ-PAUSED", Ev.T(3, 2, 9), unitId: "FZ-C1"),
            Ev.Of("fz-5", "FZ-PAUSED", "supplement_requested", Ev.T(3, 3, 9)),
        ];
        await Http.AcceptAsync(seed);
        var before = await SnapshotAsync();
        using var scoped = api.Silo.CreateHttp(await api.NewKeyAsync("ingest", "P1"));

        var random = new Random(20260302);
        var requests = 0;
        foreach (var (body, status, code) in BadBodies())
        {
            await (await Http.SendBytesAsync(HttpMethod.Post, "api/v1/events", body)).AssertProblemAsync(status, code);
            requests++;
        }

        foreach (var (path, body, code) in BadReferenceData())
        {
            await (await Http.SendJsonAsync(HttpMethod.Put, path, body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
            requests++;
        }

        // Batches of broken elements, each element broken in one to three random ways.
        for (var batch = 0; batch < 12; batch++)
        {
            var elements = Enumerable.Range(0, random.Next(1, 40)).Select(i => Broken(random, $"fzb{batch}-{i}")).ToList();
            var json = Encoding.UTF8.GetBytes("[" + string.Join(",", elements) + "]");
            if (batch % 3 == 0)
            {
                json = WithInvalidUtf8(json, random);
            }

            await AssertAllRejectedAsync(await Http.SendBytesAsync(HttpMethod.Post, "api/v1/events", json));
            requests++;
        }

        // Events that are well formed but wrong in their place, duplicates of accepted ones, and scope violations.
        var wrongInPlace = await Http.IngestAsync(
            Ev.Received("fzw-1", "FZ-OPEN", Ev.T(3, 3, 9), unitId: "FZ-C1"),
            Ev.Of("fzw-2", "FZ-OPEN", "supplement_received", Ev.T(3, 3, 9)),
            Ev.Of("fzw-3", "FZ-DONE", "processed", Ev.T(3, 5, 9)),
            Ev.Of("fzw-4", "FZ-OPEN", "processed", Ev.T(3, 1, 9)),
            Ev.Of("fzw-5", "FZ-PAUSED", "supplement_requested", Ev.T(3, 4, 9)),
            Ev.Of("fzw-6", "FZ-NEVER", "withdrawn", Ev.T(3, 4, 9)),
            Ev.Received("fz-1", "FZ-OTHER", Ev.T(3, 2, 9), unitId: "FZ-C1"),
            Ev.Rescheduled("fzw-7", "FZ-OPEN", Ev.T(3, 3, 9), Ev.T(3, 3, 8)));
        Assert.Equal(
            ["already_received", "not_paused", "dossier_ended", "not_received", "already_paused", "unknown_dossier", "event_id_conflict", "invalid_field"],
            wrongInPlace.Select(r => (string?)r!["error"]!["code"]));
        var duplicates = await Http.IngestAsync(seed);
        Assert.All(duplicates, r => Assert.Equal("duplicate", (string?)r!["status"]));
        var outOfScope = await scoped.IngestAsync(
            Ev.Of("fzs-1", "FZ-OPEN", "processed", Ev.T(3, 4, 9)),
            Ev.Received("fzs-2", "FZ-NEW", Ev.T(3, 2, 9), unitId: "FZ-C2"),
            Ev.Assigned("fzs-3", "FZ-OPEN", Ev.T(3, 4, 9), unitId: "C1"),
            Ev.Of("fz-3", "FZ-DONE", "processed", Ev.T(3, 4, 9)));
        Assert.All(outOfScope, r => Assert.Equal("out_of_scope", (string?)r!["error"]!["code"]));
        await (await scoped.SendJsonAsync(HttpMethod.Put, "api/v1/units", "[]")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        using var empty = await Http.SendJsonAsync(HttpMethod.Post, "api/v1/events", "[]");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);

        using var health = await api.Silo.CreateHttp(null).GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(requests > 30);

        var after = await SnapshotAsync();
        Assert.Equal(before, after);
    }

    private static IEnumerable<(byte[] Body, HttpStatusCode Status, string Code)> BadBodies()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        yield return (U("["), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[{]"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[{\"eventId\":\"x\"}"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[{\"eventId\":'single'}]"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[{\"eventId\":\"x\",}]"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[NaN]"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[] []"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("\uFEFF"), HttpStatusCode.BadRequest, "malformed_json");
        yield return ([0xFF, 0xFE, 0x00, 0x5B, 0x00, 0x5D], HttpStatusCode.BadRequest, "malformed_json");
        yield return ([.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251))], HttpStatusCode.BadRequest, "malformed_json");
        yield return (U(new string('[', 40) + new string(']', 40)), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U(new string('[', 100_000)), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("[" + string.Concat(Enumerable.Repeat("{\"a\":", 50)) + "1" + new string('}', 50) + "]"), HttpStatusCode.BadRequest, "malformed_json");
        yield return (U("{\"events\":[]}"), HttpStatusCode.BadRequest, "malformed_batch");
        yield return (U("true"), HttpStatusCode.BadRequest, "malformed_batch");
        yield return (U("\"[]\""), HttpStatusCode.BadRequest, "malformed_batch");
        yield return (U("[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]"), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    private static IEnumerable<(string Path, string Body, string Code)> BadReferenceData()
    {
        yield return ("api/v1/units", """[{"id":"FZ-C1","name":"x","parentId":"FZ-C1","level":"commune"}]""", "validation_failed");
        yield return ("api/v1/units", """[{"id":"FZ-P","name":"x","parentId":"FZ-C2","level":"province"}]""", "invalid_tree");
        yield return ("api/v1/units", """[{"id":"FZ-C1","name":"x","parentId":"FZ-NOPE","level":"commune"}]""", "invalid_tree");
        yield return ("api/v1/units", """[{"id":"FZ-C1","name":7,"parentId":"FZ-P","level":"commune"}]""", "malformed_json");
        yield return ("api/v1/units", """[{"id":"FZ-C1","name":"x","parentId":"FZ-P","level":"commune","leaders":"FZ-LC1"}]""", "malformed_json");
        yield return ("api/v1/officers", """[{"id":"FZ-O1","name":"x","unitId":"FZ-NOPE"}]""", "validation_failed");
        yield return ("api/v1/procedures", """[{"code":"WD5","name":"x","limit":{"value":5,"unit":"fortnights"}}]""", "validation_failed");
        yield return ("api/v1/procedures", """[{"code":"WD5","name":"x","limit":{"value":1e400,"unit":"days"}}]""", "malformed_json");
        yield return ("api/v1/calendar", """{"holidays":["2026-03-03"],"workdays":["2026-03-03"]}""", "validation_failed");
        yield return ("api/v1/calendar", """{"holidays":["03/03/2026"]}""", "malformed_json");
        yield return ("api/v1/calendar", """{"officeHours":[["25:00","26:00"]]}""", "malformed_json");
    }

    private static string Broken(Random random, string id)
    {
        var e = new JsonObject
        {
            ["eventId"] = id,
            ["dossierId"] = "FZN-" + id,
            ["type"] = "received",
            ["at"] = Ev.T(3, 2, 9),
            ["unitId"] = "FZ-C1",
            ["procedureCode"] = "WD5",
        };
        // Every mutation below breaks the event on its own, and none repairs another: the element is always rejected.
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var field = new[] { "eventId", "dossierId", "type", "at", "unitId", "procedureCode" }[random.Next(6)];
            switch (random.Next(12))
            {
                case 0: e.Remove(field); break;
                case 1: e[field] = random.Next(2) == 0 ? JsonValue.Create(random.Next()) : JsonValue.Create(true); break;
                case 2: e[field] = new JsonArray("x"); break;
                case 3: e[field] = new JsonObject { ["nested"] = new JsonObject() }; break;
                case 4: e["type"] = new[] { "RECEIVED", "recieved", "received ", "", "null", "processed;DROP TABLE dossiers", "đã nhận" }[random.Next(7)]; break;
                case 5: e["at"] = new[] { "2026-03-02T09:00:00", "2026-03-02", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-03-02T25:00:00+07:00", "2026-03-02T09:00:00+25:00", "1999-12-31T23:59:59+07:00", "yesterday", "1772416800" }[random.Next(9)]; break;
                case 6: e["unitId"] = "FZ-NOPE-" + random.Next(1000); break;
                case 7: e["procedureCode"] = "NOPE-" + random.Next(1000); break;
                case 8: e["dueAt"] = random.Next(2) == 0 ? Ev.T(3, 1, 9) : "soon"; break;
                case 9: e["dossierId"] = new[] { new string('D', 201), " padded", "tab\there", "nul\0nul", "line\nbreak" }[random.Next(5)]; break;
                case 10: e["note"] = random.Next(2) == 0 ? JsonValue.Create("nul\0inside") : JsonValue.Create(LoneSurrogate); break;
                default: e["size"] = JsonNode.Parse("1e999999"); break;
            }
        }

        // A JSON writer cannot write an unpaired surrogate: it is spliced into the text as its escape.
        return e.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace($"\"{LoneSurrogate}\"", "\"\\ud800 unpaired\"", StringComparison.Ordinal);
    }

    private static byte[] WithInvalidUtf8(byte[] json, Random random)
    {
        // Replace the content byte after the first quote of a random string value with 0xFF (never a structural byte).
        var quotes = json.Select((b, i) => (b, i)).Where(x => x.b == (byte)':' && x.i + 2 < json.Length && json[x.i + 1] == (byte)'"' && json[x.i + 2] != (byte)'"').Select(x => x.i + 2).ToList();
        var copy = (byte[])json.Clone();
        copy[quotes[random.Next(quotes.Count)]] = 0xFF;
        return copy;
    }

    private static async Task AssertAllRejectedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            foreach (var r in JsonNode.Parse(body)!["results"]!.AsArray())
            {
                Assert.True((string?)r!["status"] == "rejected", $"not rejected: {r.ToJsonString()}");
                Assert.Contains((string)r["error"]!["code"]!, ElementCodes);
            }
        }
    }

    private async Task<string> SnapshotAsync()
    {
        var storage = api.Silo.Services.GetRequiredService<ISlaGridStorage>();
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var recount = await storage.Dossiers.CountAsync(new DossierCountQuery(now, null, null, null, null), CancellationToken.None);
        var events = await storage.Dossiers.CountEventsAsync(CancellationToken.None);
        var parts = new List<string>
        {
            recount.ToString(),
            $"events={events}",
            (await Http.GetJsonAsync("api/v1/units/VN/stats")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/units/FZ-P/stats")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/officers/FZ-O1/stats")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/officers/FZ-O2/stats")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/dossiers/FZ-OPEN")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/dossiers/FZ-DONE")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/dossiers/FZ-PAUSED")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/units")).ToJsonString(),
            (await Http.GetJsonAsync("api/v1/alerts?state=open")).AsArray().Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return string.Join("\n", parts);
    }
}
