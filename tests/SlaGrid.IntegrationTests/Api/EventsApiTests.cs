using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>POST /api/v1/events</c>: per-event results in posted order, and the batch-level errors.</summary>
public sealed class EventsApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task MixedBatch_AnswersEachEventInPostedOrder_WithStableCodes()
    {
        var results = await Http.IngestAsync(
            Ev.Received("ev-1", "EV-D1", Ev.T(3, 2, 9), officerId: "O1"),
            Ev.Received("ev-1", "EV-D1", Ev.T(3, 2, 9), officerId: "O1"),
            Ev.Of("ev-2", "EV-NEVER", "processed", Ev.T(3, 3, 9)),
            Ev.Of("ev-3", "EV-D2", "teleported", Ev.T(3, 2, 9)),
            Ev.Received("ev-4", "EV-D2", "2026-03-02T09:00:00"),
            Ev.Received("ev-5", "EV-D3", Ev.T(3, 2, 9), unitId: "NO-SUCH-UNIT"),
            Ev.Received("ev-6", "EV-D3", Ev.T(3, 2, 9), procedureCode: "NO-SUCH-PROC"),
            Ev.Received("ev-7", "EV-D4", Ev.T(3, 2, 9)).Without("unitId"),
            Ev.Of("ev-8", "EV-D1", "processed", Ev.T(3, 5, 10)),
            Ev.Of("ev-9", "EV-D1", "processed", Ev.T(3, 5, 11)),
            Ev.Received("ev-10", "EV-D5", "1999-12-31T09:00:00+07:00"),
            Ev.Assigned("ev-11", "EV-D1", Ev.T(3, 3, 9)),
            Ev.Rescheduled("ev-12", "EV-D1", Ev.T(3, 3, 9), Ev.T(3, 3, 8)));

        ApiHttp.AssertStatus(results[0], "ev-1", "accepted");
        ApiHttp.AssertStatus(results[1], "ev-1", "duplicate");
        ApiHttp.AssertRejected(results[2], "ev-2", "unknown_dossier");
        ApiHttp.AssertRejected(results[3], "ev-3", "unknown_type");
        ApiHttp.AssertRejected(results[4], "ev-4", "invalid_field");
        ApiHttp.AssertRejected(results[5], "ev-5", "unknown_unit");
        ApiHttp.AssertRejected(results[6], "ev-6", "unknown_procedure");
        ApiHttp.AssertRejected(results[7], "ev-7", "missing_field");
        ApiHttp.AssertStatus(results[8], "ev-8", "accepted");
        ApiHttp.AssertRejected(results[9], "ev-9", "dossier_ended");
        ApiHttp.AssertRejected(results[10], "ev-10", "time_out_of_range");
        ApiHttp.AssertRejected(results[11], "ev-11", "missing_field");
        ApiHttp.AssertRejected(results[12], "ev-12", "invalid_field");

        var dossier = await Http.GetJsonAsync("api/v1/dossiers/EV-D1");
        Assert.Equal("processed", (string?)dossier["status"]);
        Assert.Equal(Ev.T(3, 5, 10), (string?)dossier["finishedAt"]);
        foreach (var never in new[] { "EV-NEVER", "EV-D2", "EV-D3", "EV-D4", "EV-D5" })
        {
            await (await Http.GetAsync($"api/v1/dossiers/{never}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        }
    }

    [PostgresFact]
    public async Task EventIdUsedByAnotherDossier_IsEventIdConflict()
    {
        await Http.AcceptAsync(Ev.Received("evc-1", "EVC-D1", Ev.T(3, 2, 9)));
        var results = await Http.IngestAsync(Ev.Received("evc-1", "EVC-D2", Ev.T(3, 2, 9)));
        ApiHttp.AssertRejected(results[0], "evc-1", "event_id_conflict");
        await (await Http.GetAsync("api/v1/dossiers/EVC-D2")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [PostgresFact]
    public async Task RetryOfTheSameBatch_AnswersDuplicate_WithNoSecondEffect()
    {
        var province = await api.NewSubtreeAsync("EVR");
        object[] batch = [Ev.Received("evr-1", "EVR-D1", Ev.T(3, 2, 9), unitId: "EVR-C1"), Ev.Of("evr-2", "EVR-D1", "processed", Ev.T(3, 4, 9))];
        await Http.AcceptAsync(batch);
        var results = await Http.IngestAsync(batch);
        ApiHttp.AssertStatus(results[0], "evr-1", "duplicate");
        ApiHttp.AssertStatus(results[1], "evr-2", "duplicate");

        var stats = await Http.GetJsonAsync($"api/v1/units/{province}/stats");
        Assert.Equal(1, (long)stats["received"]!);
        Assert.Equal(1, (long)stats["finishedEarly"]!);
    }

    [PostgresFact]
    public async Task OneDossiersEventsPostedOutOfOrder_AreAppliedInAtOrder()
    {
        // Posted backwards: processed, supplement_received, supplement_requested, received. Applied by `at`.
        var results = await Http.IngestAsync(
            Ev.Of("evo-4", "EVO-D1", "processed", Ev.T(3, 12, 16)),
            Ev.Of("evo-3", "EVO-D1", "supplement_received", Ev.T(3, 6, 9)),
            Ev.Of("evo-2", "EVO-D1", "supplement_requested", Ev.T(3, 3, 9)),
            Ev.Received("evo-1", "EVO-D1", Ev.T(3, 2, 9)));
        Assert.All(results, r => Assert.Equal("accepted", (string?)r!["status"]));

        // Due Mon 9/3 17:00, paused Tue 3/3 09:00 → Fri 6/3 09:00: three working days more → Thu 12/3 17:00.
        var dossier = await Http.GetJsonAsync("api/v1/dossiers/EVO-D1");
        Assert.Equal(Ev.T(3, 12, 17), (string?)dossier["dueAt"]);
        Assert.Equal("on_time", (string?)dossier["outcome"]);
    }

    [PostgresFact]
    public async Task EmptyBatch_Is200WithNoResults()
    {
        using var response = await Http.SendJsonAsync(HttpMethod.Post, "api/v1/events", "[]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray());
    }

    public static TheoryData<string, string> BadBatches => new()
    {
        { """[{"eventId":"x",""", "malformed_json" },
        { "not json", "malformed_json" },
        { "", "malformed_json" },
        { "[1,]", "malformed_json" },
        { """{"eventId":"x","dossierId":"y","type":"received"}""", "malformed_batch" },
        { "null", "malformed_batch" },
        { "\"events\"", "malformed_batch" },
        { "42", "malformed_batch" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadBatches))]
    public async Task MalformedOrNonArrayBody_Is400(string body, string code) =>
        await (await Http.SendJsonAsync(HttpMethod.Post, "api/v1/events", body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);

    [PostgresFact]
    public async Task MoreThanTenThousandEvents_Is413_AndNothingIsApplied()
    {
        var events = Enumerable.Range(0, 10_001).Select(i => (object)Ev.Received($"big-{i}", $"BIG-{i}", Ev.T(3, 2, 9))).ToArray();
        await (await Http.PostEventsAsync(events)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await Http.GetAsync("api/v1/dossiers/BIG-0")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [PostgresFact]
    public async Task ExactlyTenThousandEvents_AreAnsweredOneByOne()
    {
        // Ten thousand cheap elements: all rejected at parse time (unknown type), answered in order.
        var events = Enumerable.Range(0, 10_000).Select(i => (object)Ev.Of($"ten-{i}", $"TEN-{i}", "nonsense", Ev.T(3, 2, 9))).ToArray();
        var results = await Http.IngestAsync(events);
        Assert.Equal("ten-9999", (string?)results[9999]!["eventId"]);
        Assert.All(results, r => Assert.Equal("unknown_type", (string?)r!["error"]!["code"]));
    }

    [PostgresFact]
    public async Task BodyLargerThanSixteenMebibytes_Is413()
    {
        var padding = new string('x', 17 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes($$"""[{"eventId":"pad","dossierId":"PAD","type":"submitted","at":"{{Ev.T(3, 2, 9)}}","pad":"{{padding}}"}]""");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        // Expect: 100-continue lets the silo refuse before the body is sent (otherwise it may close the connection mid-upload).
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/events", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true;
        await (await Http.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    public static TheoryData<string, string> BadElements => new()
    {
        { """{"eventId":"be-1","dossierId":"BE","type":"received","at":"2026-03-02T09:00:00+07:00","procedureCode":"WD5"}""", "missing_field" },
        { """{"eventId":"be-2","dossierId":"BE","type":"received","at":"2026-03-02T09:00:00+07:00","unitId":"C1"}""", "missing_field" },
        { """{"eventId":"be-3","type":"processed","at":"2026-03-02T09:00:00+07:00"}""", "missing_field" },
        { """{"eventId":"be-4","dossierId":"BE","at":"2026-03-02T09:00:00+07:00"}""", "missing_field" },
        { """{"eventId":"be-5","dossierId":"BE","type":"processed"}""", "missing_field" },
        { """{"eventId":"be-6","dossierId":"BE","type":"rescheduled","at":"2026-03-02T09:00:00+07:00"}""", "missing_field" },
        { """{"eventId":"be-7","dossierId":"BE","type":"Received","at":"2026-03-02T09:00:00+07:00","unitId":"C1","procedureCode":"WD5"}""", "unknown_type" },
        { """{"eventId":"be-8","dossierId":"BE","type":"received","at":"2026-03-02 09:00","unitId":"C1","procedureCode":"WD5"}""", "invalid_field" },
        { """{"eventId":"be-9","dossierId":"BE","type":"received","at":1772416800,"unitId":"C1","procedureCode":"WD5"}""", "invalid_field" },
        { """{"eventId":"be-10","dossierId":["BE"],"type":"processed","at":"2026-03-02T09:00:00+07:00"}""", "invalid_field" },
        { """{"eventId":"be-11","dossierId":"BE","type":"received","at":"2026-03-02T09:00:00+07:00","unitId":"C1","procedureCode":"WD5","dueAt":"2026-03-01T09:00:00+07:00"}""", "invalid_field" },
        { """{"eventId":"be-12","dossierId":"BE","type":"received","at":"2126-03-02T09:00:00+07:00","unitId":"C1","procedureCode":"WD5"}""", "time_out_of_range" },
        { """{"eventId":"be-13","dossierId":"BE","type":"received","at":"2026-02-30T09:00:00+07:00","unitId":"C1","procedureCode":"WD5"}""", "invalid_field" },
        { "[]", "invalid_event" },
        { "\"be-15\"", "invalid_event" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadElements))]
    public async Task BadElement_IsRejectedWithItsCode_AndTheDossierStaysUnknown(string element, string code)
    {
        using var response = await Http.SendJsonAsync(HttpMethod.Post, "api/v1/events", $"[{element}]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]![0]!;
        Assert.Equal("rejected", (string?)result["status"]);
        Assert.Equal(code, (string?)result["error"]!["code"]);
        await (await Http.GetAsync("api/v1/dossiers/BE")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [PostgresFact]
    public async Task EventsForADossierNeverReceived_AreRejected_AndNeverCreateIt()
    {
        var province = await api.NewSubtreeAsync("EVN");
        var results = await Http.IngestAsync(
            Ev.Assigned("evn-1", "EVN-D", Ev.T(3, 2, 9), unitId: "EVN-C1", officerId: "EVN-O1"),
            Ev.Of("evn-2", "EVN-D", "supplement_requested", Ev.T(3, 2, 10)),
            Ev.Rescheduled("evn-3", "EVN-D", Ev.T(3, 2, 11), Ev.T(3, 20, 17)),
            Ev.Of("evn-4", "EVN-D", "processed", Ev.T(3, 2, 12)));
        Assert.All(results, r => Assert.Equal("unknown_dossier", (string?)r!["error"]!["code"]));
        await (await Http.GetAsync("api/v1/dossiers/EVN-D")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (long)(await Http.GetJsonAsync($"api/v1/units/{province}/stats"))["received"]!);

        // The ids were not used up: the real events with those ids are accepted later.
        await Http.AcceptAsync(Ev.Received("evn-0", "EVN-D", Ev.T(3, 2, 8)), Ev.Of("evn-4", "EVN-D", "processed", Ev.T(3, 2, 12)));
    }

    [PostgresFact]
    public async Task EventTimedBeforeTheReceipt_IsRejectedNotReceived()
    {
        await Http.AcceptAsync(Ev.Received("evb-1", "EVB-D", Ev.T(3, 3, 9)));
        var results = await Http.IngestAsync(Ev.Of("evb-2", "EVB-D", "processed", Ev.T(3, 2, 9)));
        ApiHttp.AssertRejected(results[0], "evb-2", "not_received");
    }

    [PostgresFact]
    public async Task UnknownOfficer_IsAccepted_AndCountedUnderThatId()
    {
        await Http.AcceptAsync(Ev.Received("evg-1", "EVG-D", Ev.T(3, 2, 9), officerId: "GHOST-OFFICER"));
        Assert.Equal("GHOST-OFFICER", (string?)(await Http.GetJsonAsync("api/v1/dossiers/EVG-D"))["officerId"]);
        Assert.Equal(1, (long)(await Http.GetJsonAsync("api/v1/officers/GHOST-OFFICER/stats"))["received"]!);
    }

    [PostgresFact]
    public async Task ExtraMembersAreIgnored_AndAnyOffsetIsAccepted()
    {
        // 02:00Z is 09:00 in Vietnam.
        await Http.AcceptAsync(Ev.Received("evx-1", "EVX-D", "2026-03-02T02:00:00Z", procedureCode: "H4").With("note", new { any = "thing" }));
        var dossier = await Http.GetJsonAsync("api/v1/dossiers/EVX-D");
        Assert.Equal(Ev.T(3, 2, 9), (string?)dossier["receivedAt"]);
        Assert.Equal(Ev.T(3, 2, 14), (string?)dossier["dueAt"]);
    }
}
