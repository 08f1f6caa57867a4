using System.Text.Json;
using SlaGrid.Grains.Ingest;

namespace SlaGrid.Grains.Tests.Ingest;

public sealed class EventBatchParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static ParsedEvent ParseOne(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return EventBatchParser.ParseOne(doc.RootElement, Now);
    }

    [Fact]
    public void WellFormedReceived_IsValid_WithItsFields()
    {
        var parsed = ParseOne("""{"eventId":"e1","dossierId":"d1","type":"received","at":"2026-03-02T08:30:00+07:00","unitId":"u1","procedureCode":"p1","officerId":"o1","extra":42}""");
        Assert.Null(parsed.ErrorCode);
        Assert.NotNull(parsed.Event);
        Assert.Equal(("e1", "d1", "u1", "p1", "o1"), (parsed.Event.EventId, parsed.Event.DossierId, parsed.Event.UnitId, parsed.Event.ProcedureCode, parsed.Event.OfficerId));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero), parsed.Event.At);
    }

    [Theory]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"received","at":"2026-03-02T08:30:00+07:00","procedureCode":"p1"}""", "missing_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"received","at":"2026-03-02T08:30:00+07:00","unitId":7,"procedureCode":"p1"}""", "invalid_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00"}""", "invalid_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"yesterday"}""", "invalid_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"teleported","at":"2026-03-02T08:30:00+07:00"}""", "unknown_type")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"1900-01-01T08:30:00+07:00"}""", "time_out_of_range")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"9999-12-31T08:30:00+07:00"}""", "time_out_of_range")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"assigned","at":"2026-03-02T08:30:00+07:00"}""", "missing_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"rescheduled","at":"2026-03-02T08:30:00+07:00","newDueAt":"2026-03-01T08:30:00+07:00"}""", "invalid_field")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"received","at":"2026-03-02T08:30:00+07:00","unitId":"u","procedureCode":"p","dueAt":"2026-03-02T08:00:00+07:00"}""", "invalid_field")]
    [InlineData("""{"dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00"}""", "missing_field")]
    [InlineData("""{"eventId":"","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00"}""", "missing_field")]
    [InlineData("""{"eventId":" e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00"}""", "invalid_field")]
    [InlineData("""[1,2]""", "invalid_event")]
    [InlineData("""null""", "invalid_event")]
    public void MalformedEvent_IsRejectedWithItsCode(string json, string code)
    {
        var parsed = ParseOne(json);
        Assert.Null(parsed.Event);
        Assert.Equal(code, parsed.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(parsed.ErrorMessage));
    }

    [Fact]
    public void RejectedEvent_EchoesItsEventId_WhenItHasOne()
    {
        var parsed = ParseOne("""{"eventId":"e9","dossierId":"d1","type":"nope","at":"2026-03-02T08:30:00+07:00"}""");
        Assert.Equal("e9", parsed.EventId);
    }

    [Fact]
    public void Batch_KeepsOrder_AndIsolatesBadElements()
    {
        using var doc = JsonDocument.Parse("""
            [{"eventId":"a","dossierId":"d","type":"processed","at":"2026-03-02T08:30:00Z"},
             17,
             {"eventId":"c","dossierId":"d","type":"returned","at":"2026-03-02T08:31:00Z"}]
            """);
        var parsed = EventBatchParser.Parse(doc.RootElement, Now);
        Assert.Equal(["a", null, "c"], parsed.Select(p => p.EventId));
        Assert.Equal([null, "invalid_event", null], parsed.Select(p => p.ErrorCode));
    }

    [Theory]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","note":"\ud800"}""")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","note":["ok","a\u0000b"]}""")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","n\u0000":1}""")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","x":{"y":1e1000000}}""")]
    [InlineData("""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","x":-1e-1000000}""")]
    [InlineData("""{"eventId":"\udc00","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00"}""")]
    public void TextOrNumbersTheStoreCannotKeep_AnywhereInTheEvent_AreInvalidField(string json)
    {
        var parsed = ParseOne(json);
        Assert.Null(parsed.Event);
        Assert.Equal("invalid_field", parsed.ErrorCode);
    }

    [Fact]
    public void InvalidUtf8InAString_IsInvalidField_AndTheEventIdIsStillEchoed()
    {
        var bytes = "{\"eventId\":\"e7\",\"dossierId\":\"d1\",\"type\":\"processed\",\"at\":\"2026-03-02T08:30:00Z\",\"note\":\"?\"}"u8.ToArray();
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0xFF;
        using var doc = JsonDocument.Parse(bytes);
        var parsed = EventBatchParser.ParseOne(doc.RootElement, Now);
        Assert.Equal(("e7", "invalid_field"), (parsed.EventId, parsed.ErrorCode));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.0e-5")]
    [InlineData("1e308")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("\"ordinary text, tiếng Việt\"")]
    public void OrdinaryExtraMembers_AreKept(string value)
    {
        var parsed = ParseOne($$"""{"eventId":"e1","dossierId":"d1","type":"processed","at":"2026-03-02T08:30:00+07:00","x":{{value}}}""");
        Assert.NotNull(parsed.Event);
    }
}
