using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Tests.Support;
using static SlaGrid.Storage.Tests.Support.TestData;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    [BackendFact]
    public async Task Alerts_AtMostOneActivePerDedupKey_AndEveryEffectiveChangeIsInTheOutboxInOrder()
    {
        var first = Alert("A1", "overdue:D1");
        await Storage.Alerts.ApplyAsync([Raise(first)], Ct);
        await Storage.Alerts.ApplyAsync([Raise(Alert("A2", "overdue:D1", createdAt: T0.AddMinutes(1)))], Ct); // active: no-op
        await Storage.Dossiers.CommitAsync([Commit(alerts: [Repeat("overdue:D1", T0.AddMinutes(2))])], Ct);
        var acknowledged = await Storage.Alerts.AcknowledgeAsync("A1", T0.AddMinutes(3), Ct);
        await Storage.Alerts.ApplyAsync([Repeat("overdue:D1", T0.AddMinutes(4))], Ct); // acknowledged: not repeated
        await Storage.Alerts.ApplyAsync([Raise(Alert("A3", "overdue:D1", createdAt: T0.AddMinutes(5)))], Ct); // acknowledged is active: no-op
        await Storage.Alerts.ApplyAsync([Resolve("overdue:D1", T0.AddMinutes(6)), Resolve("overdue:D1", T0.AddMinutes(7))], Ct);
        await Storage.Alerts.ApplyAsync([Raise(Alert("A4", "overdue:D1", createdAt: T0.AddMinutes(8)))], Ct); // resolved: a new one
        await Storage.Alerts.ApplyAsync([Resolve("overdue:D-none", T0), Repeat("overdue:D-none", T0)], Ct); // nothing active: nothing

        var outbox = await Storage.Alerts.ReadOutboxAsync(0, 100, Ct);
        Assert.Equal(
            [("raised", "A1", T0), ("repeated", "A1", T0.AddMinutes(2)), ("acknowledged", "A1", T0.AddMinutes(3)), ("resolved", "A1", T0.AddMinutes(6)), ("raised", "A4", T0.AddMinutes(8))],
            outbox.Select(e => (e.Event, e.Alert.Id, e.At)));
        Assert.True(outbox.Zip(outbox.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Equal(outbox[^1].Sequence, await Storage.Alerts.GetOutboxHeadAsync(Ct));
        Assert.Equal(outbox.Skip(2).Select(e => e.Sequence), (await Storage.Alerts.ReadOutboxAsync(outbox[1].Sequence, 100, Ct)).Select(e => e.Sequence));
        Assert.Equal(outbox.Take(2).Select(e => e.Sequence), (await Storage.Alerts.ReadOutboxAsync(0, 2, Ct)).Select(e => e.Sequence));

        // Each outbox entry carries the alert as it was right after its change.
        Assert.Equal(("open", 0), (outbox[0].Alert.State, outbox[0].Alert.Repeats));
        Assert.Equal(("open", 1), (outbox[1].Alert.State, outbox[1].Alert.Repeats));
        Assert.Equal(("acknowledged", 1, T0.AddMinutes(3)), (outbox[2].Alert.State, outbox[2].Alert.Repeats, outbox[2].Alert.AcknowledgedAt));
        Assert.Equal(("resolved", T0.AddMinutes(6)), (outbox[3].Alert.State, outbox[3].Alert.ResolvedAt));
        Assert.Equal(first.Recipients, outbox[0].Alert.Recipients);

        Assert.Equal("acknowledged", acknowledged!.State);
        Assert.Null(await Storage.Alerts.GetAsync("A2", Ct));
        Assert.Equal("resolved", (await Storage.Alerts.GetAsync("A1", Ct))!.State);
        Assert.Equal("A4", (await Storage.Alerts.GetActiveAsync("overdue:D1", Ct))!.Id);
        Assert.Null(await Storage.Alerts.GetActiveAsync("overdue:D-none", Ct));
    }

    [BackendFact]
    public async Task Acknowledge_ChangesOnlyOpenAlerts()
    {
        await Storage.Alerts.ApplyAsync([Raise(Alert("A1", "k1")), Raise(Alert("A2", "k2"))], Ct);
        await Storage.Alerts.ApplyAsync([Resolve("k2", T0.AddMinutes(1))], Ct);
        var head = await Storage.Alerts.GetOutboxHeadAsync(Ct);

        var once = await Storage.Alerts.AcknowledgeAsync("A1", T0.AddMinutes(2), Ct);
        var twice = await Storage.Alerts.AcknowledgeAsync("A1", T0.AddMinutes(3), Ct);
        var resolved = await Storage.Alerts.AcknowledgeAsync("A2", T0.AddMinutes(3), Ct);

        Assert.Equal(T0.AddMinutes(2), once!.AcknowledgedAt);
        Assert.Equal(once, twice! with { Recipients = once.Recipients });
        Assert.Equal("resolved", resolved!.State);
        Assert.Null(resolved.AcknowledgedAt);
        Assert.Null(await Storage.Alerts.AcknowledgeAsync("A-none", T0, Ct));
        Assert.Equal(["acknowledged"], (await Storage.Alerts.ReadOutboxAsync(head, 10, Ct)).Select(e => e.Event));
    }

    [BackendFact]
    public async Task AlertQuery_FiltersByUnitStateAndKind_NewestFirst()
    {
        await Storage.Alerts.ApplyAsync(
            [
                Raise(Alert("A1", "k1", "U1", T0)),
                Raise(Alert("A2", "k2", "U2", T0.AddMinutes(1), kind: "due_soon")),
                Raise(Alert("A3", "k3", "U1", T0.AddMinutes(2))),
                Raise(Alert("A4", "k4", "U3", T0.AddMinutes(3))),
            ],
            Ct);
        await Storage.Alerts.AcknowledgeAsync("A3", T0.AddMinutes(4), Ct);

        async Task<IEnumerable<string>> Ids(AlertQuery q) => (await Storage.Alerts.QueryAsync(q, Ct)).Select(a => a.Id);
        Assert.Equal(["A4", "A3", "A2", "A1"], await Ids(new AlertQuery(null, null, null)));
        Assert.Equal(["A3", "A2", "A1"], await Ids(new AlertQuery(["U1", "U2"], null, null)));
        Assert.Equal(["A4", "A2", "A1"], await Ids(new AlertQuery(null, "open", null)));
        Assert.Equal(["A2"], await Ids(new AlertQuery(null, null, "due_soon")));
        Assert.Equal(["A3"], await Ids(new AlertQuery(["U1"], "acknowledged", "overdue")));
        Assert.Equal(["A4", "A3"], await Ids(new AlertQuery(null, null, null, Limit: 2)));
        Assert.Empty(await Ids(new AlertQuery([], null, null)));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Alerts.QueryAsync(new AlertQuery(null, "closed", null), Ct));
    }

    [BackendFact]
    public async Task OutboxTail_UnderConcurrentWriters_NeverSkipsAnEntry()
    {
        const int writers = 4;
        const int perWriter = 25;
        var done = 0;
        var writing = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var key = $"w{w}-{i}";
                if (i % 2 == 0)
                {
                    await Storage.Alerts.ApplyAsync([Raise(Alert("A-" + key, key))], Ct);
                }
                else
                {
                    await Storage.Dossiers.CommitAsync([Commit([Event("E-" + key, "D-" + key)], alerts: [Raise(Alert("A-" + key, key))])], Ct);
                }
            }

            Interlocked.Increment(ref done);
        })).ToList();

        var seen = new List<long>();
        long cursor = 0;
        while (true)
        {
            var finished = Volatile.Read(ref done) == writers;
            var page = await Storage.Alerts.ReadOutboxAsync(cursor, 50, Ct);
            foreach (var entry in page)
            {
                Assert.True(entry.Sequence > cursor);
                seen.Add(entry.Sequence);
                cursor = entry.Sequence;
            }

            if (finished && page.Count == 0)
            {
                break;
            }
        }

        await Task.WhenAll(writing);
        var all = await Storage.Alerts.ReadOutboxAsync(0, 1000, Ct);
        Assert.Equal(writers * perWriter, all.Count);
        Assert.Equal(all.Select(e => e.Sequence), seen);
    }
}
