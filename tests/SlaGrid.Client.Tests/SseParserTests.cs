using SlaGrid.Client.Sse;

namespace SlaGrid.Client.Tests;

/// <summary>The event-stream interpretation rules, fed whole and split at every position.</summary>
public sealed class SseParserTests
{
    private static List<SseMessage> Parse(params string[] chunks)
    {
        var parser = new SseParser();
        var output = new List<SseMessage>();
        foreach (var chunk in chunks)
        {
            parser.Feed(chunk, output);
        }

        return output;
    }

    /// <summary>Parses <paramref name="stream"/> split in two at every position, and in one-character chunks; all must agree.</summary>
    private static List<SseMessage> ParseEverySplit(string stream)
    {
        var whole = Parse(stream);
        for (var i = 1; i < stream.Length; i++)
        {
            Assert.Equal(whole, Parse(stream[..i], stream[i..]));
        }

        Assert.Equal(whole, Parse([.. stream.Select(c => c.ToString())]));
        return whole;
    }

    [Fact]
    public void EventsWithTypeIdAndData_AreDispatchedOnABlankLine()
    {
        var messages = ParseEverySplit("event: stats\ndata: {\"a\":1}\n\nevent: alert\nid: 42\ndata: {\"b\":2}\n\n");

        Assert.Equal(
            [new SseMessage("stats", "{\"a\":1}", string.Empty), new SseMessage("alert", "{\"b\":2}", "42")],
            messages);
    }

    [Fact]
    public void MultiLineData_IsJoinedWithLineFeeds()
    {
        var messages = ParseEverySplit("data: {\ndata:   \"x\": 1\ndata: }\n\n");
        Assert.Equal("{\n  \"x\": 1\n}", Assert.Single(messages).Data);
    }

    [Fact]
    public void CrLfAndCr_EndLinesToo_EvenWhenSplitAcrossChunks()
    {
        Assert.Equal(ParseEverySplit("event: a\ndata: 1\n\n"), ParseEverySplit("event: a\r\ndata: 1\r\n\r\n"));
        Assert.Equal(ParseEverySplit("event: a\ndata: 1\n\n"), ParseEverySplit("event: a\rdata: 1\r\r"));
        Assert.Equal([new SseMessage("a", "1", string.Empty)], Parse("event: a\r", "\ndata: 1\r", "\n\r", "\n"));
    }

    [Fact]
    public void Comments_AreIgnored_AndCounted()
    {
        var parser = new SseParser();
        var output = new List<SseMessage>();
        parser.Feed(": keepalive\n\n:another\ndata: x\n: in the middle\n\n", output);

        Assert.Equal("x", Assert.Single(output).Data);
        Assert.Equal(3, parser.Comments);
    }

    [Fact]
    public void TheLastEventId_PersistsAcrossEvents_UntilChanged()
    {
        var messages = ParseEverySplit("id: 5\nevent: alert\ndata: a\n\nevent: stats\ndata: s\n\nid\ndata: c\n\n");

        Assert.Equal(["5", "5", string.Empty], messages.Select(m => m.LastEventId));
    }

    [Fact]
    public void AnIdWithNul_IsIgnored()
    {
        var messages = Parse("id: 7\ndata: a\n\nid: 8\0\ndata: b\n\n");
        Assert.Equal(["7", "7"], messages.Select(m => m.LastEventId));
    }

    [Fact]
    public void OnlyOneLeadingSpace_IsRemoved_AndAFieldWithoutColonHasAnEmptyValue()
    {
        var messages = Parse("data:  two spaces\n\ndata:no space\n\ndata\n\n");
        Assert.Equal([" two spaces", "no space", string.Empty], messages.Select(m => m.Data));
        Assert.All(messages, m => Assert.Equal("message", m.EventType));
    }

    [Fact]
    public void AnEventWithoutData_IsNotDispatched_AndDoesNotLeakItsType()
    {
        var messages = Parse("event: stats\n\ndata: x\n\n");
        Assert.Equal([new SseMessage("message", "x", string.Empty)], messages);
    }

    [Fact]
    public void Retry_IsTakenOnlyWhenAllDigits()
    {
        var parser = new SseParser();
        var output = new List<SseMessage>();
        parser.Feed("retry: 2500\n\n", output);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), parser.Retry);
        parser.Feed("retry: 1s\n\nretry: -1\n\n", output);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), parser.Retry);
        Assert.Empty(output);
    }

    [Fact]
    public void UnknownFields_AreIgnored()
    {
        Assert.Equal("x", Assert.Single(Parse("foo: bar\ndata: x\nbaz\n\n")).Data);
    }

    [Fact]
    public void APartialEvent_IsDroppedOnReconnect_AndSoIsItsId()
    {
        var parser = new SseParser();
        var output = new List<SseMessage>();
        parser.Feed("id: 3\nevent: alert\ndata: complete\n\nevent: alert\nid: 4\ndata: {\"cut", output);
        parser.ResetConnection();
        parser.Feed("\n\nevent: stats\ndata: s\n\n", output);

        Assert.Equal(["complete", "s"], output.Select(m => m.Data));
        // Last-Event-ID must name the last event that was whole: 3, not the cut-off 4.
        Assert.Equal("3", parser.LastEventId);
    }
}
