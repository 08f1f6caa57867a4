using System.Net;
using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>PUT /api/v1/calendar|units|officers|procedures</c>: upserts, and every way they refuse a body.</summary>
public sealed class ReferenceDataApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task PutUnits_Upserts_AndTheTreeIsListed()
    {
        using var response = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/units", """
            [{"id":"RU-P","name":"Tỉnh RU","parentId":"VN","level":"province","leaders":["RU-L"]},
             {"id":"RU-C","name":"Xã RU","parentId":"RU-P","level":"commune","leaders":[]}]
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Upsert: the same id again changes the name, not the count.
        using var again = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/units", """[{"id":"RU-C","name":"Phường RU","parentId":"RU-P","level":"ward","leaders":["RU-L2"]}]""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var units = (await Http.GetJsonAsync("api/v1/units")).AsArray();
        var commune = units.Single(u => (string?)u!["id"] == "RU-C")!;
        Assert.Equal("Phường RU", (string?)commune["name"]);
        Assert.Equal("RU-P", (string?)commune["parentId"]);
        Assert.Equal("ward", (string?)commune["level"]);
        Assert.Equal(["RU-L2"], commune["leaders"]!.AsArray().Select(l => (string?)l));
        Assert.Single(units, u => (string?)u!["id"] == "RU-C");
        Assert.Null(units.Single(u => (string?)u!["id"] == "VN")!["parentId"]);
    }

    [PostgresFact]
    public async Task PutUnits_TopUnitMayLeaveOutParentIdAndLeaders()
    {
        using var response = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/units", """[{"id":"RU-TOP","name":"Top","level":"nation"}]""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var units = (await Http.GetJsonAsync("api/v1/units")).AsArray();
        var top = units.Single(u => (string?)u!["id"] == "RU-TOP")!;
        Assert.Null(top["parentId"]);
        Assert.Empty(top["leaders"]!.AsArray());
    }

    public static TheoryData<string, string> BadUnits => new()
    {
        { """[{"id":"","name":"x","parentId":"VN","level":"commune"}]""", "validation_failed" },
        { """[{"id":"RU-X","parentId":"VN","level":"commune"}]""", "validation_failed" },
        { """[{"id":"RU-X","name":"x","parentId":"VN"}]""", "validation_failed" },
        { """[{"id":" RU-X","name":"x","parentId":"VN","level":"commune"}]""", "validation_failed" },
        { """[{"id":"RU-X","name":"x","parentId":"RU-X","level":"commune"}]""", "validation_failed" },
        { """[{"id":"RU-X","name":"x","parentId":"VN","level":"commune"},{"id":"RU-X","name":"y","parentId":"VN","level":"commune"}]""", "validation_failed" },
        { """[{"id":"RU-X","name":"x","parentId":"VN","level":"commune","leaders":[null]}]""", "validation_failed" },
        { """[{"id":"RU-X","name":"x","parentId":"NO-SUCH-UNIT","level":"commune"}]""", "invalid_tree" },
        { """[{"id":"VN","name":"Việt Nam","parentId":"C1","level":"nation"}]""", "invalid_tree" },
        { """{"id":"RU-X","name":"x","parentId":"VN","level":"commune"}""", "malformed_json" },
        { """[{"id":"RU-X",""", "malformed_json" },
        { """[{"id":7,"name":"x","parentId":"VN","level":"commune"}]""", "malformed_json" },
        { "null", "malformed_json" },
        { "", "malformed_json" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadUnits))]
    public async Task PutUnits_BadBody_Is400WithItsCode_AndChangesNothing(string body, string code)
    {
        var before = (await Http.GetJsonAsync("api/v1/units")).ToJsonString();
        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/units", body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, (await Http.GetJsonAsync("api/v1/units")).ToJsonString());
    }

    [PostgresFact]
    public async Task PutUnits_CycleThroughSeveralUnits_IsInvalidTree()
    {
        // P1 under C1 while C1 is under P1: a two-step cycle.
        var problem = await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/units", """[{"id":"P1","name":"Tỉnh Một","parentId":"C1","level":"province"}]"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_tree");
        Assert.Contains("P1", (string?)problem["detail"], StringComparison.Ordinal);
        var units = (await Http.GetJsonAsync("api/v1/units")).AsArray();
        Assert.Equal("VN", (string?)units.Single(u => (string?)u!["id"] == "P1")!["parentId"]);
    }

    [PostgresFact]
    public async Task PutOfficers_UpsertsAndRefusesAnUnknownUnit()
    {
        using var ok = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/officers", """[{"id":"RU-O","name":"Cán bộ","unitId":"C1"}]""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var problem = await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/officers", """[{"id":"RU-O2","name":"x","unitId":"NO-SUCH-UNIT"}]"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("NO-SUCH-UNIT", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/officers", """[{"id":"RU-O3","unitId":"C1"}]"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/officers", """[{"id":"RU-O3","name":"x"}]"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [PostgresFact]
    public async Task PutProcedures_AllThreeLimitUnits_AreAccepted_AndUsedByTheClock()
    {
        using var ok = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/procedures", """
            [{"code":"RU-WD","name":"a","limit":{"value":3,"unit":"working_days"},"feesPauseClock":true},
             {"code":"RU-D","name":"b","limit":{"value":4,"unit":"days"}},
             {"code":"RU-H","name":"c","limit":{"value":4,"unit":"working_hours"},"feesPauseClock":false}]
            """);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // Wed 4/3 09:00: 3 working days → Mon 9/3 17:00; 4 days → Sun 8/3 → Mon 9/3 17:00; 4 working hours → 14:00.
        await Http.AcceptAsync(
            Ev.Received("ru-1", "RU-D1", Ev.T(3, 4, 9), procedureCode: "RU-WD"),
            Ev.Received("ru-2", "RU-D2", Ev.T(3, 4, 9), procedureCode: "RU-D"),
            Ev.Received("ru-3", "RU-D3", Ev.T(3, 4, 9), procedureCode: "RU-H"));
        Assert.Equal(Ev.T(3, 9, 17), (string?)(await Http.GetJsonAsync("api/v1/dossiers/RU-D1"))["dueAt"]);
        Assert.Equal(Ev.T(3, 9, 17), (string?)(await Http.GetJsonAsync("api/v1/dossiers/RU-D2"))["dueAt"]);
        Assert.Equal(Ev.T(3, 4, 14), (string?)(await Http.GetJsonAsync("api/v1/dossiers/RU-D3"))["dueAt"]);
    }

    public static TheoryData<string, string> BadProcedures => new()
    {
        { """[{"code":"RU-Z","name":"z","limit":{"value":5,"unit":"weeks"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"z","limit":{"value":5,"unit":"WORKING_DAYS"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"z","limit":{"value":-1,"unit":"working_days"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"z","limit":{"value":0,"unit":"days"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"z","limit":{"value":99999,"unit":"working_hours"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"","limit":{"value":5,"unit":"days"}}]""", "validation_failed" },
        { """[{"code":"RU-Z","name":"z"}]""", "malformed_json" },
        { """[{"code":"RU-Z","name":"z","limit":{"unit":"days"}}]""", "malformed_json" },
        { """[{"code":"RU-Z","name":"z","limit":{"value":"five","unit":"days"}}]""", "malformed_json" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadProcedures))]
    public async Task PutProcedures_BadLimitOrField_Is400_AndTheProcedureStaysUnknown(string body, string code)
    {
        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/procedures", body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        var results = await Http.IngestAsync(Ev.Received($"ru-z-{Guid.NewGuid():N}", "RU-Z-D", Ev.T(3, 2, 9), procedureCode: "RU-Z"));
        Assert.Equal("unknown_procedure", (string?)results[0]!["error"]!["code"]);
    }

    [PostgresFact]
    public async Task PutCalendar_AHolidayMovesDueDates_AndAWorkdayCounts()
    {
        // RU works on a quiet week of June 2026: Mon 8/6 .. Fri 12/6. A holiday on Wed 10/6 moves a 2-working-day
        // due from Wed 17:00 to Thu 17:00; a make-up Saturday 13/6 makes a receipt on Fri 12/6 due Mon 15/6, not Tue.
        using var put = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/calendar", """{"holidays":["2026-06-10"],"workdays":["2026-06-13"],"officeHours":[["08:00","12:00"],["13:00","17:00"]]}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var proc = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/procedures", """[{"code":"RU-2WD","name":"two","limit":{"value":2,"unit":"working_days"}}]""");
        Assert.Equal(HttpStatusCode.OK, proc.StatusCode);

        await Http.AcceptAsync(
            Ev.Received("ru-cal-1", "RU-CAL-1", "2026-06-08T09:00:00+07:00", procedureCode: "RU-2WD"),
            Ev.Received("ru-cal-2", "RU-CAL-2", "2026-06-12T09:00:00+07:00", procedureCode: "RU-2WD"));
        Assert.Equal("2026-06-11T17:00:00+07:00", (string?)(await Http.GetJsonAsync("api/v1/dossiers/RU-CAL-1"))["dueAt"]);
        Assert.Equal("2026-06-15T17:00:00+07:00", (string?)(await Http.GetJsonAsync("api/v1/dossiers/RU-CAL-2"))["dueAt"]);
    }

    public static TheoryData<string, string> BadCalendars => new()
    {
        { """{"holidays":["2026-06-22"],"workdays":["2026-06-22"]}""", "validation_failed" },
        { """{"holidays":["1999-01-01"]}""", "validation_failed" },
        { """{"officeHours":[]}""", "validation_failed" },
        { """{"officeHours":[["13:00","12:00"]]}""", "validation_failed" },
        { """{"officeHours":[["08:00","12:00"],["11:00","17:00"]]}""", "validation_failed" },
        { """{"officeHours":[null]}""", "validation_failed" },
        { """{"holidays":["2026-13-01"]}""", "malformed_json" },
        { """{"holidays":"2026-06-22"}""", "malformed_json" },
        { """[]""", "malformed_json" },
    };

    [PostgresTheory]
    [MemberData(nameof(BadCalendars))]
    public async Task PutCalendar_BadBody_Is400WithItsCode(string body, string code) =>
        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/calendar", body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);

    [PostgresFact]
    public async Task PutReferenceData_EmptyList_Is200AndChangesNothing()
    {
        foreach (var path in new[] { "api/v1/units", "api/v1/officers", "api/v1/procedures" })
        {
            using var response = await Http.SendJsonAsync(HttpMethod.Put, path, "[]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["upserted"]);
        }
    }
}
