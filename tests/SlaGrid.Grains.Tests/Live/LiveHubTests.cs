using SlaGrid.Grains.Live;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Live;

/// <summary>A subscriber's full queue drops its oldest messages; the alerts among them are reported, exactly.</summary>
public sealed class LiveHubTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task AlertsDroppedFromAFullQueue_AreReportedBySequence_AndSignalled()
    {
        var hub = new LiveHub();
        using var subscription = hub.Subscribe("C1", capacity: 4);
        Assert.False(subscription.AlertDropped.IsCompleted);

        hub.Publish(new LiveMessage("C1", "stats-0", null));
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            hub.Publish(Alert(sequence));
        }

        // 7 published into 4 places: the stats message and alerts 1 and 2 were dropped.
        await subscription.AlertDropped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1L, 2L], subscription.TakeDroppedAlerts());
        Assert.False(subscription.AlertDropped.IsCompleted);
        Assert.Empty(subscription.TakeDroppedAlerts());

        var queued = new List<long>();
        while (subscription.Reader.TryRead(out var message))
        {
            queued.Add(message.Alert!.Sequence);
        }

        Assert.Equal([3L, 4L, 5L, 6L], queued);
    }

    [Fact]
    public void DroppedStatsMessages_AreNotReported()
    {
        var hub = new LiveHub();
        using var subscription = hub.Subscribe("C1", capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            hub.Publish(new LiveMessage("C1", "stats-" + i, null));
        }

        Assert.False(subscription.AlertDropped.IsCompleted);
        Assert.Empty(subscription.TakeDroppedAlerts());
    }

    private static LiveMessage Alert(long sequence)
    {
        var key = $"overdue:D{sequence}";
        var record = new AlertRecord($"al_{sequence}", AlertKindNames.Overdue, key, $"D{sequence}", "C1", null, ["L1"], Now, Now, "open", null, null, 0);
        return new LiveMessage("C1", null, new AlertOutboxEntry(sequence, "raised", Now, record));
    }
}
