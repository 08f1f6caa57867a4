using System.Net;
using SlaGrid.Client.Contracts;
using SlaGrid.Client.Tests.Fakes;

namespace SlaGrid.Client.Tests;

/// <summary><see cref="SlaGridClient.WatchUnitAsync"/> over real HTTP: parsing, reconnecting with Last-Event-ID, and ending.</summary>
public sealed class WatchUnitTests : IAsyncLifetime
{
    private const string StatsJson = """{"unitId":"P01","received":10,"open":4,"overdue":1,"dueSoon":1,"paused":0,"finishedEarly":3,"finishedOnTime":2,"finishedLate":1,"onTimeRatio":0.8,"lateRatio":0.2,"flagged":true}""";
    private const string AlertJson = """{"id":"A1","kind":"overdue","dossierId":"D1","unitId":"C1","officerId":null,"recipients":["L1"],"createdAt":"2026-01-05T08:30:00+07:00","dueAt":"2026-01-05T08:00:00+07:00","state":"open","dedupKey":"overdue:D1","acknowledgedAt":null,"resolvedAt":null,"repeats":0}""";
    private FakeSilo _silo = null!;
    private SlaGridClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await FakeSilo.StartAsync();
        _client = _silo.CreateClient(configure: o =>
        {
            o.LiveReconnectDelay = TimeSpan.FromMilliseconds(20);
            o.LiveMaxReconnectDelay = TimeSpan.FromMilliseconds(50);
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _silo.DisposeAsync();
    }

    private async Task PushAsync(params string?[] chunks)
    {
        foreach (var chunk in chunks)
        {
            await _silo.LiveChunks.Writer.WriteAsync(chunk);
        }
    }

    [Fact]
    public async Task StatsAndAlerts_AreParsed_FromChunksSplitAnywhere()
    {
        using var cts = new CancellationTokenSource(Wait.Timeout);
        await using var events = _client.WatchUnitAsync("P01", cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);

        var alertData = "{\"event\":\"raised\",\n\"alert\":" + AlertJson + "}";
        await PushAsync(
            ": keepalive\n\n",
            "event: st",
            "ats\ndata: " + StatsJson[..20],
            StatsJson[20..] + "\r\n\r",
            "\n: keepalive\n",
            "event: alert\nid: 41\ndata: " + alertData.Replace("\n", "\ndata: ", StringComparison.Ordinal) + "\n\n",
            "event: future_thing\ndata: {}\n\n");

        Assert.True(await events.MoveNextAsync());
        var stats = Assert.IsType<UnitLiveStats>(events.Current).Stats;
        Assert.Equal(new UnitStats("P01", 10, 4, 1, 1, 0, 3, 2, 1, 0.8, 0.2, true), stats);

        Assert.True(await events.MoveNextAsync());
        var alert = Assert.IsType<UnitLiveAlert>(events.Current);
        Assert.Equal("41", alert.EventId);
        Assert.Equal(AlertEventTypes.Raised, alert.Change.Event);
        Assert.Equal("overdue:D1", alert.Change.Alert.DedupKey);
    }

    [Fact]
    public async Task AfterADrop_ItReconnectsWithLastEventId_AndResumes()
    {
        using var cts = new CancellationTokenSource(Wait.Timeout);
        await using var events = _client.WatchUnitAsync("P01", cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);

        await PushAsync(
            "event: alert\nid: 7\ndata: {\"event\":\"raised\",\"alert\":" + AlertJson + "}\n\n",
            "event: stats\ndata: " + StatsJson + "\n\n",
            "event: alert\nid: 8\ndata: {\"event\":\"rai", // cut mid-event by the drop
            null);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("7", Assert.IsType<UnitLiveAlert>(events.Current).EventId);
        Assert.True(await events.MoveNextAsync());
        Assert.IsType<UnitLiveStats>(events.Current);

        await PushAsync("event: alert\nid: 9\ndata: {\"event\":\"resolved\",\"alert\":" + AlertJson + "}\n\n");
        Assert.True(await events.MoveNextAsync());
        var resumed = Assert.IsType<UnitLiveAlert>(events.Current);
        Assert.Equal("9", resumed.EventId);
        Assert.Equal(AlertEventTypes.Resolved, resumed.Change.Event);

        Assert.Equal([null, "7"], _silo.LiveLastEventIds);
    }

    [Fact]
    public async Task AFailingSilo_IsRetried_ButAnUnauthorizedOneEndsTheWatch()
    {
        _silo.LiveFailures.Enqueue(HttpStatusCode.ServiceUnavailable);
        _silo.LiveFailures.Enqueue(HttpStatusCode.ServiceUnavailable);
        using var cts = new CancellationTokenSource(Wait.Timeout);
        await using (var events = _client.WatchUnitAsync("P01", lastEventId: "100", cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token))
        {
            await PushAsync("event: stats\ndata: " + StatsJson + "\n\n");
            Assert.True(await events.MoveNextAsync());
            Assert.IsType<UnitLiveStats>(events.Current);
        }

        Assert.Equal(["100", "100", "100"], _silo.LiveLastEventIds);

        _silo.LiveFailures.Enqueue(HttpStatusCode.Unauthorized);
        var e = await Assert.ThrowsAsync<SlaGridApiException>(async () =>
        {
            await foreach (var unused in _client.WatchUnitAsync("P01", cancellationToken: cts.Token))
            {
            }
        });
        Assert.Equal(ErrorCodes.Unauthorized, e.Code);
    }

    [Fact]
    public async Task Cancelling_EndsTheWatch()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await PushAsync("event: stats\ndata: " + StatsJson + "\n\n");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in _client.WatchUnitAsync("P01", cancellationToken: cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });
        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task AnIdleConnection_IsReopened()
    {
        using var client = _silo.CreateClient(configure: o =>
        {
            o.LiveReconnectDelay = TimeSpan.FromMilliseconds(20);
            o.LiveMaxReconnectDelay = TimeSpan.FromMilliseconds(50);
            o.LiveIdleTimeout = TimeSpan.FromMilliseconds(300);
        });
        using var cts = new CancellationTokenSource(Wait.Timeout);
        await using var events = client.WatchUnitAsync("P01", cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync().AsTask();

        await Wait.UntilAsync(() => _silo.LiveLastEventIds.Count >= 2, "the silent connection was replaced");
        await PushAsync("event: stats\ndata: " + StatsJson + "\n\n");
        Assert.True(await next);
    }
}
