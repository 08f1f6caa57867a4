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

    // Starts the grid with the late-ratio alert of unit <paramref name="gatedUnit"/> behind a gate.
    private async Task StartAsync(string gatedUnit)
    {
        _grid = await GridHarness.StartAsync(Monday, storage =>
        {
            _gate = new GatedAlertStore(storage.Alerts, AlertKindNames.DedupKey(AlertKindNames.UnitLateRatio, gatedUnit));
            return new AlertGatedStorage(storage, _gate);
        });
        await _grid.PutReferenceAsync(
            [
                new UnitRecord("VN", "Việt Nam", null, "nation", ["L-VN"]),
                new UnitRecord("P1", "Tỉnh Một", "VN", "province", ["L-P1"]),
                new UnitRecord("C11", "Xã 11", "P1", "commune", ["L-C11"]),
            ],
            [new OfficerRecord("O1", "An", "C11")],
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
        await StartAsync("P1");
        var gate = _gate!;

        // An overdue dossier puts the province over its late-ratio threshold: its alert write holds it in its turn.
        await IngestAsync("D1", Monday.AddDays(-14));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // The commune changes again; its snapshot waits in the busy province's queue.
        await IngestAsync("D2", Monday.AddHours(1));
        Assert.Equal(2, (await _grid.Grains.GetGrain<IUnitGrain>("C11").GetSnapshotAsync(default)).Sum(null, null).Received);

        await PassTheResponseTimeoutAsync();
        gate.Release();

        var province = await _grid.UnitTotalsAsync("P1");
        Assert.Equal((2L, 2L, 1L), (province.Received, province.Open, province.Overdue));
        Assert.Equal(province, await _grid.UnitTotalsAsync("VN"));
    }

    [Fact]
    public async Task ACountDroppedWhileTheUnitWasBusy_IsSentAgain()
    {
        await StartAsync("C11");
        var gate = _gate!;

        // The overdue dossier puts the commune over its threshold: its alert write holds it in D1's count.
        var first = IngestAsync("D1", Monday.AddDays(-14));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // D2's count waits in the busy commune's queue (D2 is durable by then: the count follows the commit).
        var second = IngestAsync("D2", Monday.AddHours(1));
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
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private async Task IngestAsync(string dossier, DateTimeOffset at)
    {
        var json = $$"""{"eventId":"r-{{dossier}}","dossierId":"{{dossier}}","type":"received","at":"{{at:O}}","unitId":"C11","officerId":"O1","procedureCode":"T3"}""";
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var outcome = await _grid.Ingest.IngestAsync([EventBatchParser.ParseOne(doc.RootElement, _grid.Time.GetUtcNow())], null, default);
        Assert.Equal("accepted", outcome[0].Status);
    }
}
