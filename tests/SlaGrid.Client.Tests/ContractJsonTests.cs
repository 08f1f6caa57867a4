using System.Text.Json;
using System.Text.Json.Serialization;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client.Tests;

/// <summary>
/// The wire format, asserted on raw JSON text: a renamed property, a dropped null or a changed time format fails here.
/// Each sample is serialized, compared with the contract's text, read back and written again.
/// </summary>
public sealed class ContractJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Due = new(2026, 1, 12, 17, 0, 0, TimeSpan.FromHours(7));

    private static void AssertRoundTrip<T>(T value, string expected)
    {
        var json = JsonSerializer.Serialize(value, SlaGridJson.Options);
        Assert.Equal(expected, json);
        var back = JsonSerializer.Deserialize<T>(expected, SlaGridJson.Options);
        Assert.Equal(expected, JsonSerializer.Serialize(back, SlaGridJson.Options));
    }

    [Fact]
    public void CalendarUpdate_WritesDatesAndOfficeHoursAsPairs()
    {
        AssertRoundTrip(
            new CalendarUpdate
            {
                Holidays = [new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17)],
                Workdays = [new DateOnly(2026, 2, 7)],
                OfficeHours = [new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(17, 0))],
            },
            """{"holidays":["2026-02-16","2026-02-17"],"workdays":["2026-02-07"],"officeHours":[["08:00","12:00"],["13:00","17:00"]]}""");
    }

    [Fact]
    public void CalendarUpdate_OmitsOfficeHoursWhenNull_AndReadsMissingListsAsEmpty()
    {
        AssertRoundTrip(new CalendarUpdate { Holidays = [new DateOnly(2026, 4, 30)] }, """{"holidays":["2026-04-30"],"workdays":[]}""");
        var read = JsonSerializer.Deserialize<CalendarUpdate>("""{"workdays":["2026-02-07"]}""", SlaGridJson.Options)!;
        Assert.Empty(read.Holidays);
        Assert.Equal([new DateOnly(2026, 2, 7)], read.Workdays);
        Assert.Null(read.OfficeHours);
    }

    [Theory]
    [InlineData("""{"officeHours":[["08:00"]]}""")]
    [InlineData("""{"officeHours":[["8am","12:00"]]}""")]
    [InlineData("""{"officeHours":[["08:00","12:00","13:00"]]}""")]
    [InlineData("""{"holidays":["05/01/2026"]}""")]
    public void CalendarUpdate_RejectsMalformedValues(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CalendarUpdate>(json, SlaGridJson.Options));
    }

    [Fact]
    public void Unit_AlwaysWritesParentId_AndDefaultsMissingLeaders()
    {
        AssertRoundTrip(new Unit("VN", "Viet Nam", null, "nation", ["L1", "L2"]), """{"id":"VN","name":"Viet Nam","parentId":null,"level":"nation","leaders":["L1","L2"]}""");
        AssertRoundTrip(new Unit("P01", "Province", "VN", "province"), """{"id":"P01","name":"Province","parentId":"VN","level":"province","leaders":[]}""");
        var read = JsonSerializer.Deserialize<Unit>("""{"id":"C1","name":"Commune","parentId":"P01","level":"commune"}""", SlaGridJson.Options)!;
        Assert.Empty(read.Leaders);
    }

    [Theory]
    [InlineData("""{"name":"x","parentId":null,"level":"commune","leaders":[]}""")]
    [InlineData("""{"id":null,"name":"x","parentId":null,"level":"commune","leaders":[]}""")]
    [InlineData("""{"id":"x","parentId":null,"level":"commune","leaders":[]}""")]
    public void Unit_WithoutIdentity_IsRejected(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Unit>(json, SlaGridJson.Options));
    }

    [Fact]
    public void Officer_And_Procedure_UseContractNames()
    {
        AssertRoundTrip(new Officer("O1", "Nguyen Van A", "C1"), """{"id":"O1","name":"Nguyen Van A","unitId":"C1"}""");
        AssertRoundTrip(
            new Procedure("1.001", "Birth registration", new ProcedureLimit(5, LimitUnits.WorkingDays), true),
            """{"code":"1.001","name":"Birth registration","limit":{"value":5,"unit":"working_days"},"feesPauseClock":true}""");
        var read = JsonSerializer.Deserialize<Procedure>("""{"code":"2","name":"n","limit":{"value":0,"unit":"working_days"}}""", SlaGridJson.Options)!;
        Assert.False(read.FeesPauseClock);
    }

    [Fact]
    public void DossierEvent_OmitsAbsentOptionalFields()
    {
        AssertRoundTrip(
            new DossierEvent("e1", "D1", EventTypes.Processed, At),
            """{"eventId":"e1","dossierId":"D1","type":"processed","at":"2026-01-05T08:30:00+07:00"}""");
        AssertRoundTrip(
            new DossierEvent("e0", "D1", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "1.001", OfficerId: "O1", DueAt: Due),
            """{"eventId":"e0","dossierId":"D1","type":"received","at":"2026-01-05T08:30:00+07:00","unitId":"C1","procedureCode":"1.001","officerId":"O1","dueAt":"2026-01-12T17:00:00+07:00"}""");
        AssertRoundTrip(
            new DossierEvent("e2", "D1", EventTypes.Rescheduled, At, NewDueAt: Due),
            """{"eventId":"e2","dossierId":"D1","type":"rescheduled","at":"2026-01-05T08:30:00+07:00","newDueAt":"2026-01-12T17:00:00+07:00"}""");
    }

    [Fact]
    public void Times_KeepTheirOffset_AndATimeWithoutOffsetIsVietnamTime()
    {
        var utc = JsonSerializer.Deserialize<DossierEvent>("""{"eventId":"e","dossierId":"d","type":"processed","at":"2026-01-05T01:30:00Z"}""", SlaGridJson.Options)!;
        Assert.Equal(TimeSpan.Zero, utc.At.Offset);
        Assert.Equal(At, utc.At);
        Assert.Contains("\"at\":\"2026-01-05T01:30:00+00:00\"", JsonSerializer.Serialize(utc, SlaGridJson.Options), StringComparison.Ordinal);

        var local = JsonSerializer.Deserialize<DossierEvent>("""{"eventId":"e","dossierId":"d","type":"processed","at":"2026-01-05T08:30:00"}""", SlaGridJson.Options)!;
        Assert.Equal(TimeSpan.FromHours(7), local.At.Offset);
        Assert.Equal(At, local.At);

        var negative = JsonSerializer.Deserialize<DossierEvent>("""{"eventId":"e","dossierId":"d","type":"processed","at":"2026-01-04T20:30:00-05:00"}""", SlaGridJson.Options)!;
        Assert.Equal(TimeSpan.FromHours(-5), negative.At.Offset);
        Assert.Equal(At, negative.At);
    }

    [Theory]
    [InlineData("""{"dossierId":"d","type":"processed","at":"2026-01-05T08:30:00+07:00"}""")]
    [InlineData("""{"eventId":"e","dossierId":"d","type":"processed"}""")]
    [InlineData("""{"eventId":"e","dossierId":"d","type":"processed","at":"yesterday"}""")]
    [InlineData("""{"eventId":"e","dossierId":"d","type":null,"at":"2026-01-05T08:30:00+07:00"}""")]
    public void DossierEvent_MissingOrMalformedRequiredField_IsAJsonError(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DossierEvent>(json, SlaGridJson.Options));
    }

    [Fact]
    public void IngestResponse_WritesErrorOnlyForRejected()
    {
        AssertRoundTrip(
            new IngestResponse(
            [
                new IngestResult("e1", IngestStatuses.Accepted),
                new IngestResult("e2", IngestStatuses.Duplicate),
                new IngestResult("e3", IngestStatuses.Rejected, new EventError(ErrorCodes.UnknownUnit, "No unit X.")),
            ]),
            """{"results":[{"eventId":"e1","status":"accepted"},{"eventId":"e2","status":"duplicate"},{"eventId":"e3","status":"rejected","error":{"code":"unknown_unit","message":"No unit X."}}]}""");
    }

    [Fact]
    public void Dossier_WritesEveryField_NullsIncluded()
    {
        AssertRoundTrip(
            new Dossier("D1", "C1", null, "1.001", EventTypes.Received, At, Due, Due, false, false, true, false, false, 0, null, null),
            """{"id":"D1","unitId":"C1","officerId":null,"procedureCode":"1.001","status":"received","receivedAt":"2026-01-05T08:30:00+07:00","dueAt":"2026-01-12T17:00:00+07:00","originalDueAt":"2026-01-12T17:00:00+07:00","paused":false,"overdue":false,"dueSoon":true,"rescheduled":false,"apologyLate":false,"supplementRequests":0,"finishedAt":null,"outcome":null}""");
        AssertRoundTrip(
            new Dossier("D2", "C1", "O1", "1.001", EventTypes.Processed, At, Due, Due.AddDays(-1), false, false, false, true, true, 2, Due, Outcomes.OnTime),
            """{"id":"D2","unitId":"C1","officerId":"O1","procedureCode":"1.001","status":"processed","receivedAt":"2026-01-05T08:30:00+07:00","dueAt":"2026-01-12T17:00:00+07:00","originalDueAt":"2026-01-11T17:00:00+07:00","paused":false,"overdue":false,"dueSoon":false,"rescheduled":true,"apologyLate":true,"supplementRequests":2,"finishedAt":"2026-01-12T17:00:00+07:00","outcome":"on_time"}""");
    }

    [Fact]
    public void Stats_UseContractNames()
    {
        AssertRoundTrip(
            new UnitStats("P01", 100, 20, 3, 4, 2, 50, 25, 5, 0.92, 0.08, false),
            """{"unitId":"P01","received":100,"open":20,"overdue":3,"dueSoon":4,"paused":2,"finishedEarly":50,"finishedOnTime":25,"finishedLate":5,"onTimeRatio":0.92,"lateRatio":0.08,"flagged":false}""");
        AssertRoundTrip(
            new OfficerStats("O1", 10, 1, 1, 0, 0, 5, 2, 2, 0.7, 0.3, true),
            """{"officerId":"O1","received":10,"open":1,"overdue":1,"dueSoon":0,"paused":0,"finishedEarly":5,"finishedOnTime":2,"finishedLate":2,"onTimeRatio":0.7,"lateRatio":0.3,"flagged":true}""");
    }

    [Fact]
    public void Alert_And_AlertEvent_WriteEveryField_NullsIncluded()
    {
        var alert = new Alert("A1", AlertKinds.UnitLateRatio, null, "C1", null, ["L1"], At, null, AlertStates.Open, "unit_late_ratio:C1");
        const string AlertJson = """{"id":"A1","kind":"unit_late_ratio","dossierId":null,"unitId":"C1","officerId":null,"recipients":["L1"],"createdAt":"2026-01-05T08:30:00+07:00","dueAt":null,"state":"open","dedupKey":"unit_late_ratio:C1","acknowledgedAt":null,"resolvedAt":null,"repeats":0}""";
        AssertRoundTrip(alert, AlertJson);
        AssertRoundTrip(new AlertEvent(AlertEventTypes.Raised, alert), "{\"event\":\"raised\",\"alert\":" + AlertJson + "}");
        AssertRoundTrip(
            new Alert("A2", AlertKinds.Overdue, "D1", "C1", "O1", ["L1", "L2"], At, Due, AlertStates.Acknowledged, "overdue:D1", Due, null, 3),
            """{"id":"A2","kind":"overdue","dossierId":"D1","unitId":"C1","officerId":"O1","recipients":["L1","L2"],"createdAt":"2026-01-05T08:30:00+07:00","dueAt":"2026-01-12T17:00:00+07:00","state":"acknowledged","dedupKey":"overdue:D1","acknowledgedAt":"2026-01-12T17:00:00+07:00","resolvedAt":null,"repeats":3}""");
    }

    [Fact]
    public void Alert_FromASiloWithoutTheAdditiveFields_StillReads()
    {
        var alert = JsonSerializer.Deserialize<Alert>(
            """{"id":"A1","kind":"overdue","dossierId":"D1","unitId":"C1","officerId":null,"recipients":[],"createdAt":"2026-01-05T08:30:00+07:00","dueAt":null,"state":"open","dedupKey":"overdue:D1"}""",
            SlaGridJson.Options)!;
        Assert.Equal(0, alert.Repeats);
        Assert.Null(alert.AcknowledgedAt);
    }

    [Fact]
    public void Webhooks_WriteUnitIdAlways_AndTheInfoNeverHasTheSecret()
    {
        var hook = new Webhook("W1", "https://example.invalid/hook", "s3cret", null);
        AssertRoundTrip(hook, """{"id":"W1","url":"https://example.invalid/hook","secret":"s3cret","unitId":null}""");
        AssertRoundTrip(new WebhookInfo("W1", "https://example.invalid/hook", "P01"), """{"id":"W1","url":"https://example.invalid/hook","unitId":"P01"}""");
        Assert.DoesNotContain("s3cret", hook.ToString(), StringComparison.Ordinal);
        Assert.Contains("W1", hook.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_UseContractNames_AndToStringHidesTheKey()
    {
        AssertRoundTrip(new CreateKeyRequest("feeder", Roles.Ingest), """{"name":"feeder","role":"ingest"}""");
        AssertRoundTrip(new CreateKeyRequest("province reader", Roles.Read, "P01"), """{"name":"province reader","role":"read","unitId":"P01"}""");
        var created = new CreatedKey("k1", "feeder", Roles.Ingest, null, At, "sg_topsecret");
        AssertRoundTrip(created, """{"id":"k1","name":"feeder","role":"ingest","unitId":null,"createdAt":"2026-01-05T08:30:00+07:00","key":"sg_topsecret"}""");
        Assert.DoesNotContain("sg_topsecret", created.ToString(), StringComparison.Ordinal);
        AssertRoundTrip(
            new KeyInfo("k1", "feeder", Roles.Ingest, "P01", At, null),
            """{"id":"k1","name":"feeder","role":"ingest","unitId":"P01","createdAt":"2026-01-05T08:30:00+07:00","revokedAt":null}""");
    }

    [Fact]
    public void Problem_WritesDetailAlways_AndOptionalMembersOnlyWhenSet()
    {
        AssertRoundTrip(
            new Problem("https://slagrid.test/problems/not_found", "Not found", 404, null, ErrorCodes.NotFound),
            """{"type":"https://slagrid.test/problems/not_found","title":"Not found","status":404,"detail":null,"code":"not_found"}""");
        AssertRoundTrip(
            new Problem("about:blank", "Invalid", 400, "Bad fields.", ErrorCodes.ValidationFailed, "/api/v1/units", new Dictionary<string, IReadOnlyList<string>> { ["[0].level"] = ["required"] }),
            """{"type":"about:blank","title":"Invalid","status":400,"detail":"Bad fields.","code":"validation_failed","instance":"/api/v1/units","errors":{"[0].level":["required"]}}""");
    }

    [Fact]
    public void ResponseNulls_AreWrittenEvenWithAHostThatOmitsNullsByDefault()
    {
        // A host (e.g. ASP.NET Core) with its own options: the per-property conditions still decide.
        var host = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        var json = JsonSerializer.Serialize(new Dossier("D1", "C1", null, "p", "received", At, null, null, false, false, false, false, false, 0, null, null), host);
        Assert.Contains("\"outcome\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"finishedAt\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"officerId\":null", json, StringComparison.Ordinal);
        var unit = JsonSerializer.Serialize(new Unit("VN", "n", null, "nation"), host);
        Assert.Contains("\"parentId\":null", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceGeneratedContext_WritesTheSameTextAsTheOptions()
    {
        var d = new Dossier("D1", "C1", null, "p", "received", At, Due, Due, false, true, false, false, false, 1, null, null);
        Assert.Equal(JsonSerializer.Serialize(d, SlaGridJson.Options), JsonSerializer.Serialize(d, SlaGridJsonContext.Default.Dossier));
        var e = new DossierEvent("e", "d", EventTypes.Assigned, At, OfficerId: "O2");
        Assert.Equal(JsonSerializer.Serialize(e, SlaGridJson.Options), JsonSerializer.Serialize(e, SlaGridJsonContext.Default.DossierEvent));
    }

    [Fact]
    public void VietnameseText_IsWrittenReadably_AndQuotesAreEscaped()
    {
        AssertRoundTrip(
            new Unit("56", "Tỉnh Khánh Hòa \"KH\"", "VN", "province"),
            """{"id":"56","name":"Tỉnh Khánh Hòa \"KH\"","parentId":"VN","level":"province","leaders":[]}""");
    }

    [Fact]
    public void ConstantLists_HoldTheDocumentedWireValues()
    {
        Assert.Equal(
            ["submitted", "received", "refused", "assigned", "supplement_requested", "supplement_received", "fee_requested", "fee_paid", "withdrawn", "stopped", "processed", "returned", "rescheduled"],
            EventTypes.All);
        Assert.Equal(["due_soon", "overdue", "escalated", "reschedule_limit", "second_supplement", "unit_late_ratio", "officer_late_ratio"], AlertKinds.All);
        Assert.Equal(["open", "acknowledged", "resolved"], AlertStates.All);
        Assert.Equal(["early", "on_time", "late"], Outcomes.All);
        Assert.Equal(["admin", "ingest", "read"], Roles.All);
        Assert.Equal(["working_days", "days", "working_hours"], LimitUnits.All);
        Assert.Equal(["accepted", "duplicate", "rejected"], IngestStatuses.All);
        Assert.Equal(["raised", "repeated", "acknowledged", "resolved"], AlertEventTypes.All);
    }
}
