using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Ingest;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>
/// A parent busy for longer than the runtime's response timeout has the snapshots queued for it dropped (the runtime
/// expires calls nobody is waiting for any more, as Orleans does). The child must publish again, or the parent keeps
/// an old picture of it until the child happens to change again.
/// </summary>
public sealed class LostSnapshotTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private GatedAlertStore? _gate;
    private GridHarness _grid = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    // Starts the grid with the alert writes <paramref name="holds"/> picks behind a gate.
    private async Task StartAsync(Func<IReadOnlyList<AlertChange>, bool> holds)
    {
        _grid = await GridHarness.StartAsync(Monday, storage =>
        {
            _gate = new GatedAlertStore(storage.Alerts, (_, changes) => holds(changes));
            return new AlertGatedStorage(storage, _gate);
        }, responseTimeout: TimeSpan.FromSeconds(30));
        await _grid.PutReferenceAsync(
            [
                new UnitRecord("VN", "Việt Nam", null, "nation", ["L-VN"]),
                new UnitRecord("P1", "Tỉnh Một", "VN", "province", ["L-P1"]),
                new UnitRecord("C11", "Xã 11", "P1", "commune", ["L-C11"]),
            ],
            [new OfficerRecord("O1", "An", "C11"), new OfficerRecord("OP1", "Phương", "P1")],
            [new ProcedureRecord("T3", "Three working days", 3, "working_days", false)]);
    }

    public async Task DisposeAsync()
    {
        _gate?.Release();
        if (_grid is not null)
        {
            await _grid.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASnapshotDroppedWhileTheParentWasBusy_IsSentAgain()
    {
        // Late-ratio writes share one lane (AlertWriteBatcher): only the province's, and only once every other unit's
        // flag is settled, may be held, or the commune would queue behind it.
        var armed = false;
        var provinceKey = AlertKindNames.DedupKey(AlertKindNames.UnitLateRatio, "P1");
        await StartAsync(changes => Volatile.Read(ref armed) && changes.Any(c => c.Kind == AlertChangeKind.Resolve && c.DedupKey == provinceKey));
        var gate = _gate!;

        // An overdue dossier flags the commune, the province and the nation.
        await IngestAsync("D1", "C11", "O1", Monday.AddDays(-14));
        await _grid.SettleAsync();
        Volatile.Write(ref armed, true);

        // Ten on-time dossiers of the province's own bring its ratio under 10%: its resolve holds it in its turn.
        var own = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await IngestAsync($"P{i}", "P1", "OP1", Monday.AddHours(1));
            }
        });
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // The commune changes again (still flagged: no alert write); its snapshot waits in the busy province's queue.
        await IngestAsync("D2", "C11", "O1", Monday.AddHours(1)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await _grid.Grains.GetGrain<IUnitGrain>("C11").GetSnapshotAsync(default)).Sum(null, null).Received);

        await PassTheResponseTimeoutAsync();
        gate.Release();

        // The tenth own dossier's post waited past the timeout too; its count still lands (see the next test).
        await Assert.ThrowsAsync<TimeoutException>(() => own.WaitAsync(TimeSpan.FromSeconds(30)));
        var provinceUnit = _grid.Grains.GetGrain<IUnitGrain>("P1");
        await WaitUntilAsync(async () => (await provinceUnit.GetOwnTotalsAsync(default)).Received == 10);
        var province = await _grid.UnitTotalsAsync("P1");
        Assert.Equal((12L, 12L, 1L), (province.Received, province.Open, province.Overdue));
        Assert.Equal(province, await _grid.UnitTotalsAsync("VN"));
    }

    [Fact]
    public async Task ACountDroppedWhileTheUnitWasBusy_IsSentAgain()
    {
        var communeKey = AlertKindNames.DedupKey(AlertKindNames.UnitLateRatio, "C11");
        await StartAsync(changes => changes.Any(c => c.Kind == AlertChangeKind.Raise && c.DedupKey == communeKey));
        var gate = _gate!;

        // The overdue dossier puts the commune over its threshold: its alert write holds it in D1's count.
        var first = IngestAsync("D1", "C11", "O1", Monday.AddDays(-14));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // D2's count waits in the busy commune's queue (D2 is durable by then: the count follows the commit).
        var second = IngestAsync("D2", "C11", "O1", Monday.AddHours(1));
        await WaitUntilAsync(async () => await _grid.Storage.Dossiers.FindEventsAsync(["r-D2"], default) is { Count: 1 });
        await PassTheResponseTimeoutAsync();
        gate.Release();

        // The posts themselves timed out too (their callers get 503 and retry, to be answered "duplicate"): the
        // dossiers' counts must reach the commune all the same.
        foreach (var post in new[] { first, second })
        {
            await Assert.ThrowsAsync<TimeoutException>(() => post.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var commune = _grid.Grains.GetGrain<IUnitGrain>("C11");
        await WaitUntilAsync(async () => (await commune.GetOwnTotalsAsync(default)).Received == 2);
        var own = await commune.GetOwnTotalsAsync(default);
        Assert.Equal((2L, 2L, 1L), (own.Received, own.Open, own.Overdue));
        Assert.Equal(own, await _grid.UnitTotalsAsync("VN"));
    }

    // Past the response timeout (30 s): the runtime's sweep, on the injected clock, drops the calls still waiting.
    private async Task PassTheResponseTimeoutAsync()
    {
        for (var i = 0; i < 40; i++)
        {
            _grid.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 3_000 && !await condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private async Task IngestAsync(string dossier, string unit, string officer, DateTimeOffset at)
    {
        var json = $$"""{"eventId":"r-{{dossier}}","dossierId":"{{dossier}}","type":"received","at":"{{at:O}}","unitId":"{{unit}}","officerId":"{{officer}}","procedureCode":"T3"}""";
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var outcome = await _grid.Ingest.IngestAsync([EventBatchParser.ParseOne(doc.RootElement, _grid.Time.GetUtcNow())], null, default);
        Assert.Equal("accepted", outcome[0].Status);
    }
}
