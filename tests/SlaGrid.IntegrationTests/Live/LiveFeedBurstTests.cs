using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Persistence;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// The live feed delivers every alert of a burst: a subscriber whose queue overflows (more alert changes at once
/// than it holds) gets the dropped ones back from the outbox, instead of losing them silently.
/// </summary>
public sealed class LiveFeedBurstTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Burst = 700;

    [PostgresFact]
    public async Task AlertBurstLargerThanTheSubscriberQueue_ReachesTheLiveFeedWhole()
    {
        // The dispatcher then publishes the whole burst in one pass, more than a subscriber's queue (256) holds.
        await using var silo = await TestSilo.StartOnPostgresAsync(database.ConnectionString, new Dictionary<string, string?> { ["Alerts:BatchSize"] = "5000" });
        await silo.Client.PutUnitsAsync([new Unit("VN", "Việt Nam", null, "nation", ["L0"]), new Unit("C1", "Xã 1", "VN", "commune", ["L1"])]);

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in silo.Client.WatchUnitAsync("VN", null, stop.Token))
                {
                    if (item is UnitLiveStats)
                    {
                        connected.TrySetResult();
                    }
                    else if (item is UnitLiveAlert { Change: { Event: AlertEventTypes.Raised, Alert.DossierId: { } dossier } })
                    {
                        seen.AddOrUpdate(dossier, 1, (_, n) => n + 1);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });
        try
        {
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var storage = silo.Services.GetRequiredService<ISlaGridStorage>();
            var now = TimeProvider.System.GetUtcNow();
            var changes = Enumerable.Range(0, Burst).Select(i =>
            {
                var key = $"overdue:B{i:D4}";
                return new AlertChange(AlertChangeKind.Raise, key, now, new AlertRecord(
                    $"al_burst_{i:D4}", AlertKinds.Overdue, key, $"B{i:D4}", "C1", null, ["L1"], now, now, "open", null, null, 0));
            }).ToList();
            await storage.Alerts.ApplyAsync(changes, CancellationToken.None);

            // Waits on the condition, then asserts it (so that a failure says how many arrived).
            await Eventually.WaitAsync(() => Task.FromResult(seen.Count == Burst), TimeSpan.FromSeconds(60), "every alert on the live feed")
                .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }

        var missing = Enumerable.Range(0, Burst).Select(i => $"B{i:D4}").Where(d => !seen.ContainsKey(d)).Take(10);
        Assert.True(seen.Count == Burst, $"{seen.Count} of {Burst} alerts reached the live feed; missing: {string.Join(", ", missing)}.");
        Assert.All(seen, s => Assert.Equal(1, s.Value));
    }
}
