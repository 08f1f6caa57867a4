using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>Scenarios through the real grains, runtime and store, with a driven clock.</summary>
public sealed class GridScenarioTests : IAsyncLifetime
{
    // Monday 2 March 2026, 08:00 in Hà Nội time: an ordinary working week.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private GridHarness _grid = null!;

    public async Task InitializeAsync()
    {
        _grid = await GridHarness.StartAsync(Monday);
        await _grid.PutReferenceAsync(
            [
                new UnitRecord("VN", "Việt Nam", null, "nation", ["L-VN"]),
                new UnitRecord("P1", "Tỉnh Một", "VN", "province", ["L-P1"]),
                new UnitRecord("P2", "Tỉnh Hai", "VN", "province", ["L-P2"]),
                new UnitRecord("C11", "Xã 11", "P1", "commune", ["L-C11"]),
                new UnitRecord("C12", "Xã 12", "P1", "commune", ["L-C12"]),
                new UnitRecord("C21", "Xã 21", "P2", "commune", ["L-C21"]),
            ],
            [new OfficerRecord("O1", "An", "C11"), new OfficerRecord("O2", "Bình", "C12")],
            [new ProcedureRecord("T3", "Three working days", 3, "working_days", false)]);
    }

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    private Task<IngestOutcome> Receive(string dossier, string unit, string officer, DateTimeOffset at, string? eventId = null) =>
        _grid.PostAsync($$"""{"eventId":"{{eventId ?? "r-" + dossier}}","dossierId":"{{dossier}}","type":"received","at":"{{at:O}}","unitId":"{{unit}}","officerId":"{{officer}}","procedureCode":"T3"}""");

    private Task<IngestOutcome> Event(string id, string dossier, string type, DateTimeOffset at, string extra = "") =>
        _grid.PostAsync($$"""{"eventId":"{{id}}","dossierId":"{{dossier}}","type":"{{type}}","at":"{{at:O}}"{{extra}}}""");

    [Fact]
    public async Task NationTotals_EqualTheSumOverCommunes_AtEveryStep()
    {
        var steps = new List<Func<Task<IngestOutcome>>>
        {
            () => Receive("D1", "C11", "O1", Monday.AddHours(1)),
            () => Receive("D2", "C12", "O2", Monday.AddHours(2)),
            () => Receive("D3", "C21", "O2", Monday.AddHours(3)),
            () => Event("p-D1", "D1", "processed", Monday.AddHours(5)),
            () => Event("s-D2", "D2", "supplement_requested", Monday.AddHours(6)),
            () => Event("a-D3", "D3", "assigned", Monday.AddHours(7), ""","unitId":"C11" """),
        };
        foreach (var step in steps)
        {
            Assert.Equal("accepted", (await step()).Status);
            var communes = await Task.WhenAll(new[] { "C11", "C12", "C21" }.Select(_grid.UnitTotalsAsync));
            var nation = await _grid.UnitTotalsAsync("VN");
            Assert.Equal(communes.Aggregate((a, b) => a + b), nation);
            Assert.True(nation.IsConsistent);
        }

        var final = await _grid.UnitTotalsAsync("VN");
        Assert.Equal((3, 2, 1, 1), (final.Received, final.Open, final.Paused, final.FinishedEarly));
        Assert.Equal(2, (await _grid.UnitTotalsAsync("C11")).Received);
        Assert.Equal(0, (await _grid.UnitTotalsAsync("C21")).Received);
    }

    [Fact]
    public async Task Deadline_RaisesOverdueAlert_AtTheDueInstant_ToTheUnitLeaders_AndResolvesWhenProcessed()
    {
        await Receive("D1", "C11", "O1", Monday.AddHours(1));
        var view = await _grid.Grains.GetGrain<IDossierGrain>("D1").GetAsync(default);
        var due = view!.State.DueAt!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.FromHours(7)), due);

        _grid.Time.SetUtcNow(due);
        await _grid.SettleAsync();
        Assert.Null(await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default));

        _grid.Time.SetUtcNow(due.AddSeconds(1));
        await WaitForAsync(async () => await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default) is not null);
        var alert = (await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default))!;
        Assert.Equal(["L-C11"], alert.Recipients);
        Assert.InRange(alert.CreatedAt, due, due.AddSeconds(45)); // fake time flows while the test waits (see WaitForAsync)
        Assert.Equal(1, (await _grid.UnitTotalsAsync("VN")).Overdue);

        Assert.Equal("accepted", (await Event("p-D1", "D1", "processed", due.AddSeconds(2))).Status);
        Assert.Null(await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default));
        var nation = await _grid.UnitTotalsAsync("VN");
        Assert.Equal((0, 1), (nation.Overdue, nation.FinishedLate));
    }

    [Fact]
    public async Task DuplicatedAndLateEvents_NeverCountTwice()
    {
        Assert.Equal("accepted", (await Receive("D1", "C11", "O1", Monday.AddHours(1))).Status);
        Assert.Equal("duplicate", (await Receive("D1", "C11", "O1", Monday.AddHours(1))).Status);
        Assert.Equal("accepted", (await Event("p-D1", "D1", "processed", Monday.AddDays(1))).Status);

        // A supplement request that happened before the end arrives late: it is put in its place and re-judged.
        Assert.Equal("accepted", (await Event("s-D1", "D1", "supplement_requested", Monday.AddHours(2))).Status);
        Assert.Equal("duplicate", (await Event("p-D1", "D1", "processed", Monday.AddDays(1))).Status);
        var nation = await _grid.UnitTotalsAsync("VN");
        Assert.Equal((1, 0, 1), (nation.Received, nation.Open, nation.FinishedEarly + nation.FinishedOnTime + nation.FinishedLate));
    }

    [Fact]
    public async Task SecondReschedule_IsRejected_AndAlertsTheUnitLeaders()
    {
        await Receive("D1", "C11", "O1", Monday.AddHours(1));
        Assert.Equal("accepted", (await Event("x1", "D1", "rescheduled", Monday.AddHours(2), ""","newDueAt":"2026-03-10T17:00:00+07:00" """)).Status);
        var second = await Event("x2", "D1", "rescheduled", Monday.AddHours(3), ""","newDueAt":"2026-03-12T17:00:00+07:00" """);
        Assert.Equal(("rejected", "reschedule_limit"), (second.Status, second.Code));
        var alert = await _grid.Storage.Alerts.GetActiveAsync("reschedule_limit:D1", default);
        Assert.NotNull(alert);
        Assert.Equal(["L-C11"], alert.Recipients);
    }

    [Fact]
    public async Task Restart_KeepsTotalsAndOpenAlerts()
    {
        await Receive("D1", "C11", "O1", Monday.AddHours(1));
        await Receive("D2", "C12", "O2", Monday.AddHours(1));
        await Event("p-D2", "D2", "processed", Monday.AddHours(3));
        // The clock moves an hour at a time, as a real one would, letting each deadline settle.
        for (var t = _grid.Time.GetUtcNow(); t < new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.FromHours(7)); t = t.AddHours(1))
        {
            _grid.Time.SetUtcNow(t);
            await _grid.SettleAsync();
        }

        _grid.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.FromHours(7)));
        await WaitForAsync(async () =>
            await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default) is not null
            && (await _grid.UnitTotalsAsync("VN")).Overdue == 1);
        var before = await _grid.UnitTotalsAsync("VN");
        var openBefore = await _grid.Storage.Alerts.QueryAsync(new AlertQuery(null, "open", null), default);

        await _grid.RestartAsync();

        Assert.Equal(before, await _grid.UnitTotalsAsync("VN"));
        var openAfter = await _grid.Storage.Alerts.QueryAsync(new AlertQuery(null, "open", null), default);
        Assert.Equal(openBefore.Select(a => a.DedupKey).Order(), openAfter.Select(a => a.DedupKey).Order());
    }

    [Fact]
    public async Task DeadlinesThatPassWhileDown_FireRightAfterStart()
    {
        await Receive("D1", "C11", "O1", Monday.AddHours(1));
        await _grid.RestartAsync();
        _grid.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)));
        await _grid.RestartAsync();
        await WaitForAsync(async () => await _grid.Storage.Alerts.GetActiveAsync("overdue:D1", default) is not null);
        Assert.Equal(1, (await _grid.UnitTotalsAsync("VN")).Overdue);
    }

    [Fact]
    public async Task MovingACommune_MovesItsTotals()
    {
        await Receive("D1", "C11", "O1", Monday.AddHours(1));
        Assert.Equal(1, (await _grid.UnitTotalsAsync("P1")).Received);
        await _grid.PutReferenceAsync([new UnitRecord("C11", "Xã 11", "P2", "commune", ["L-C11"])], [], []);
        Assert.Equal(0, (await _grid.UnitTotalsAsync("P1")).Received);
        Assert.Equal(1, (await _grid.UnitTotalsAsync("P2")).Received);
        Assert.Equal(1, (await _grid.UnitTotalsAsync("VN")).Received);
    }

    private async Task<string> DescribeAsync()
    {
        var view = await _grid.Grains.GetGrain<IDossierGrain>("D1").GetAsync(default);
        var c11 = await _grid.Grains.GetGrain<IUnitGrain>("C11").GetOwnTotalsAsync(default);
        var p1 = await _grid.UnitTotalsAsync("P1");
        return $"now={_grid.Time.GetUtcNow():O} D1 overdue={view?.Overdue} dueSoon={view?.DueSoon}; C11 own={c11}; P1={p1}; pending={_grid.Grid.Rollups.Pending}";
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        // Fake time flows while we wait (100 ms a step, up to 40 s), as real time would: the runtime's deadline window
        // refills on its own timer, so a deadline the clock jumped past may fire only at the next refill.
        for (var i = 0; i < 400; i++)
        {
            await _grid.SettleAsync();
            if (await condition())
            {
                return;
            }

            _grid.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }

        Assert.Fail("The condition did not hold: " + await DescribeAsync());
    }
}
