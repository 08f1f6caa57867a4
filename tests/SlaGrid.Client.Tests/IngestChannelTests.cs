using SlaGrid.Client.Contracts;
using SlaGrid.Client.Tests.Fakes;
using SlaGrid.Testing;

namespace SlaGrid.Client.Tests;

/// <summary>Batching, idempotent retries and per-event outcomes of <see cref="IngestChannel"/>, on a fake clock against the fake silo.</summary>
public sealed class IngestChannelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 30, 0, TimeSpan.FromHours(7));
    private readonly FakeTimeProvider _time = new();
    private FakeSilo _silo = null!;
    private SlaGridClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await FakeSilo.StartAsync();
        _client = _silo.CreateClient(_time);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _silo.DisposeAsync();
    }

    private static DossierEvent Received(int i) =>
        new($"ev-{i}", $"D{i}", EventTypes.Received, At, UnitId: "C1", ProcedureCode: "1.001");

    [Fact]
    public async Task FullBatchesGoAtOnce_AndAPartialBatchWaitsForMaxDelay()
    {
        await using var channel = _client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = 500, MaxDelay = TimeSpan.FromSeconds(1) });
        var sending = channel.SendManyAsync(Enumerable.Range(0, 1200).Select(Received));

        await Wait.UntilAsync(() => _silo.EventPosts == 2 && _time.ActiveTimerCount == 1, "two full batches were posted and the rest lingers");
        Assert.False(sending.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1));
        var results = await sending.WaitAsync(Wait.Timeout);

        Assert.Equal([500, 500, 200], _silo.Batches);
        Assert.Equal(1200, results.Count);
        Assert.All(results, r => Assert.Equal(EventOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"ev-{i}"), results.Select(r => r.EventId));
    }

    [Fact]
    public async Task LostAnswer_IsRetriedAfterRetryAfter_WithTheSameIds_AndHasNoDoubleEffect()
    {
        // The silo stores the batch, then the answer is lost as a 503 with Retry-After: 2.
        _silo.EventFailures.Enqueue(new InjectedFailure(503, RetryAfterSeconds: 2, AfterCommit: true));
        await using var channel = _client.CreateIngestChannel(new IngestChannelOptions { MaxDelay = TimeSpan.Zero });
        var sending = channel.SendManyAsync(Enumerable.Range(0, 3).Select(Received));

        await Wait.UntilAsync(() => _silo.EventPosts == 1 && _time.ActiveTimerCount == 1, "the first post failed and a retry is scheduled");
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(1, _time.ActiveTimerCount); // Retry-After is honoured: not yet.
        Assert.Equal(1, _silo.EventPosts);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        var results = await sending.WaitAsync(Wait.Timeout);

        Assert.Equal(2, _silo.EventPosts);
        Assert.All(results, r =>
        {
            Assert.Equal(EventOutcome.Duplicate, r.Outcome);
            Assert.True(r.Succeeded);
            Assert.Equal(2, r.Attempts);
        });
        Assert.Equal(3, _silo.Effects.Count);
        Assert.All(_silo.Effects.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ServerError_IsRetriedWithBackoff_ThenAccepted()
    {
        _silo.EventFailures.Enqueue(new InjectedFailure(500));
        var options = new IngestChannelOptions { MaxDelay = TimeSpan.Zero, InitialBackoff = TimeSpan.FromSeconds(1) };
        await using var channel = _client.CreateIngestChannel(options);
        var sending = channel.SendAsync(Received(1)).AsTask();

        await Wait.UntilAsync(() => _silo.EventPosts == 1 && _time.ActiveTimerCount == 1, "a retry is scheduled");
        _time.Advance(options.InitialBackoff); // jitter keeps the first delay within (0.5, 1] × InitialBackoff
        var result = await sending.WaitAsync(Wait.Timeout);

        Assert.Equal(EventOutcome.Accepted, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(1, _silo.Effects["ev-1"]);
    }

    [Fact]
    public async Task EachEvent_GetsItsOwnOutcome()
    {
        await _client.PostEventsAsync([Received(7)]);
        await using var channel = _client.CreateIngestChannel(new IngestChannelOptions { MaxDelay = TimeSpan.Zero });
        var results = await channel.SendManyAsync(
        [
            Received(1),
            Received(7),
            new DossierEvent("bad-type", "D1", "teleported", At),
            new DossierEvent("bad-unit", "D9", EventTypes.Received, At, UnitId: "nowhere", ProcedureCode: "1.001"),
        ]).WaitAsync(Wait.Timeout);

        Assert.Equal([EventOutcome.Accepted, EventOutcome.Duplicate, EventOutcome.Rejected, EventOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Equal(ErrorCodes.UnknownType, results[2].Error!.Code);
        Assert.Equal(ErrorCodes.UnknownUnit, results[3].Error!.Code);
        Assert.False(results[3].Succeeded);
    }

    [Fact]
    public async Task RetriesStop_AfterGiveUpAfter_AndTheEventsAreReportedFailed()
    {
        for (var i = 0; i < 10; i++)
        {
            _silo.EventFailures.Enqueue(new InjectedFailure(503, RetryAfterSeconds: 2));
        }

        await using var channel = _client.CreateIngestChannel(new IngestChannelOptions { MaxDelay = TimeSpan.Zero, GiveUpAfter = TimeSpan.FromSeconds(5) });
        var sending = channel.SendAsync(Received(1)).AsTask();
        for (var posts = 1; posts <= 3; posts++)
        {
            var expected = posts;
            await Wait.UntilAsync(() => sending.IsCompleted || (_silo.EventPosts == expected && _time.ActiveTimerCount == 1), $"post {expected} failed and waits");
            if (sending.IsCompleted)
            {
                break;
            }

            _time.Advance(TimeSpan.FromSeconds(2));
        }

        var result = await sending.WaitAsync(Wait.Timeout);
        Assert.Equal(EventOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.Attempts); // at 0 s, 2 s and 4 s; a fourth at 6 s would pass the 5 s limit
        Assert.Equal(ErrorCodes.Unavailable, Assert.IsType<SlaGridApiException>(result.Exception).Code);
        Assert.Empty(_silo.Effects);
    }

    [Fact]
    public async Task NonRetryableError_FailsAtOnce()
    {
        using var client = _silo.CreateClient(_time, key: "not-a-key");
        await using var channel = client.CreateIngestChannel(new IngestChannelOptions { MaxDelay = TimeSpan.Zero });
        var result = await channel.SendAsync(Received(1)).AsTask().WaitAsync(Wait.Timeout);

        Assert.Equal(EventOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(ErrorCodes.Unauthorized, Assert.IsType<SlaGridApiException>(result.Exception).Code);
    }

    [Fact]
    public async Task CompleteWithCancellation_AbortsRetries()
    {
        _silo.EventFailures.Enqueue(new InjectedFailure(503, RetryAfterSeconds: 60));
        var channel = _client.CreateIngestChannel(new IngestChannelOptions { MaxDelay = TimeSpan.Zero });
        var sending = channel.SendAsync(Received(1)).AsTask();
        await Wait.UntilAsync(() => _silo.EventPosts == 1 && _time.ActiveTimerCount == 1, "a retry is scheduled");

        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await channel.CompleteAsync(cancel.Token).WaitAsync(Wait.Timeout);

        var result = await sending.WaitAsync(Wait.Timeout);
        Assert.Equal(EventOutcome.Failed, result.Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => channel.SendAsync(Received(2)).AsTask());
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task AnEventWithoutId_IsRefused()
    {
        await using var channel = _client.CreateIngestChannel();
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendAsync(new DossierEvent(string.Empty, "D1", EventTypes.Processed, At)).AsTask());
    }

    [Fact]
    public void Options_AreValidated()
    {
        Assert.ThrowsAny<ArgumentException>(() => _client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = 0 }));
        Assert.ThrowsAny<ArgumentException>(() => _client.CreateIngestChannel(new IngestChannelOptions { MaxBackoff = TimeSpan.FromMilliseconds(1) }));
    }
}
