using System.Text.Json;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Tests.Support;
using static SlaGrid.Storage.Tests.Support.TestData;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    [BackendFact]
    public async Task Commit_WritesEventsDossierDeadlinesAndAlerts_InOneGo()
    {
        var alert = Alert("A1", "overdue:D1");
        await Storage.Dossiers.CommitAsync(
            [
                Commit(
                    [Event("E1", "D1"), Event("E2", "D1", T0.AddMinutes(5), "assigned")],
                    Dossier("D1"),
                    [new DeadlineEntry("dossier", "D1", "due", T0.AddDays(5)), new DeadlineEntry("dossier", "D1", "due_soon", T0.AddDays(4))],
                    alerts: [Raise(alert)]),
                Received("D2", "E3"),
            ],
            Ct);

        Assert.Equal(3, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Equal(Dossier("D1"), await Storage.Dossiers.GetDossierAsync("D1", Ct));
        Assert.Equal(Dossier("D2"), await Storage.Dossiers.GetDossierAsync("D2", Ct));
        Assert.Equal(3, await Storage.Deadlines.CountAsync(Ct));
        var stored = await Storage.Alerts.GetAsync("A1", Ct);
        Assert.Equivalent(alert, stored, strict: true);
        Assert.Equal("raised", Assert.Single(await Storage.Alerts.ReadOutboxAsync(0, 10, Ct)).Event);
        var events = await Storage.Dossiers.GetEventsAsync("D1", Ct);
        Assert.Equal(["E1", "E2"], events.Select(e => e.EventId));
        Assert.Equal("assigned", events[1].Type);
        Assert.Equal(T0, events[1].IngestedAt);
        Assert.True(JsonElement.DeepEquals(
            JsonDocument.Parse(Event("E2", "D1", type: "assigned").Payload).RootElement,
            JsonDocument.Parse(events[1].Payload).RootElement));
    }

    [BackendFact]
    public async Task Commit_GroupWithAnEventAlreadyStored_LeavesNoTraceAndNamesTheEvent()
    {
        await Storage.Dossiers.CommitAsync([Received("D0", "E-old")], Ct);
        var before = await Storage.Alerts.GetOutboxHeadAsync(Ct);

        var ex = await Assert.ThrowsAsync<DuplicateEventException>(() => Storage.Dossiers.CommitAsync(
            [
                Commit([Event("E1", "D1")], Dossier("D1"), [new DeadlineEntry("dossier", "D1", "due", T0)], alerts: [Raise(Alert("A1", "overdue:D1"))]),
                Commit([Event("E2", "D0"), Event("E-old", "D0")], Dossier("D0", version: 2), deletes: [("dossier", "D0", "due")]),
            ],
            Ct));

        Assert.Equal("E-old", ex.EventId);
        Assert.Contains("E-old", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Null(await Storage.Dossiers.GetDossierAsync("D1", Ct));
        Assert.Equal(1, (await Storage.Dossiers.GetDossierAsync("D0", Ct))!.Version);
        Assert.Equal([new DeadlineEntry("dossier", "D0", "due", T0.AddDays(5))], await Storage.Deadlines.GetDueBeforeAsync(DateTimeOffset.MaxValue, null, 10, Ct));
        Assert.Null(await Storage.Alerts.GetAsync("A1", Ct));
        Assert.Empty(await Storage.Alerts.ReadOutboxAsync(before, 10, Ct));
    }

    [BackendFact]
    public async Task Commit_GroupRepeatingAnEventId_IsRejectedWhole()
    {
        var ex = await Assert.ThrowsAsync<DuplicateEventException>(() => Storage.Dossiers.CommitAsync(
            [Received("D1", "E-same"), Received("D2", "E-same")],
            Ct));

        Assert.Equal("E-same", ex.EventId);
        Assert.Equal(0, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Null(await Storage.Dossiers.GetDossierAsync("D1", Ct));
    }

    [BackendFact]
    public async Task Commit_DossierVersionMustFollowTheStoredOne()
    {
        await Storage.Dossiers.CommitAsync([Commit(dossier: Dossier("D1", version: 1))], Ct);

        var replay = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.Dossiers.CommitAsync([Commit([Event("E1", "D1")], Dossier("D1", version: 1, unitId: "U9"))], Ct));
        var skip = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.Dossiers.CommitAsync([Commit(dossier: Dossier("D1", version: 3, unitId: "U9"))], Ct));

        Assert.Equal("D1", replay.GrainKey);
        Assert.Equal("1", replay.StoredETag);
        Assert.Equal("1", skip.StoredETag);
        Assert.Equal(0, await Storage.Dossiers.CountEventsAsync(Ct));
        Assert.Equal("U1", (await Storage.Dossiers.GetDossierAsync("D1", Ct))!.UnitId);

        // Two changes of one dossier in one group apply in order.
        await Storage.Dossiers.CommitAsync(
            [
                Commit([Event("E2", "D1")], Dossier("D1", version: 2, unitId: "U2"), [new DeadlineEntry("dossier", "D1", "due", T0)]),
                Commit([Event("E3", "D1")], Dossier("D1", version: 3, unitId: "U3"), deletes: [("dossier", "D1", "due")]),
                Commit([Event("E4", "D2")], Dossier("D2", version: 5)),
            ],
            Ct);
        Assert.Equal(Dossier("D1", version: 3, unitId: "U3"), await Storage.Dossiers.GetDossierAsync("D1", Ct));
        Assert.Equal(5, (await Storage.Dossiers.GetDossierAsync("D2", Ct))!.Version);
        Assert.Equal(0, await Storage.Deadlines.CountAsync(Ct));
    }

    [BackendFact]
    public async Task Commit_DeadlineOperationsApplyInCommitOrder()
    {
        var due = new DeadlineEntry("dossier", "D1", "due", T0);
        var soon = new DeadlineEntry("dossier", "D1", "due_soon", T0);
        await Storage.Dossiers.CommitAsync([Commit(deadlines: [soon])], Ct);

        await Storage.Dossiers.CommitAsync(
            [
                Commit(deadlines: [due], deletes: [("dossier", "D1", "due_soon")]),
                Commit(deletes: [("dossier", "D1", "due")]),
                Commit(deadlines: [due with { DueAt = T0.AddHours(3) }]),
                Commit(deadlines: [soon with { DueAt = T0.AddHours(1) }]),
                Commit(deletes: [("dossier", "D1", "due_soon")]),
            ],
            Ct);

        Assert.Equal([due with { DueAt = T0.AddHours(3) }], await Storage.Deadlines.GetDueBeforeAsync(DateTimeOffset.MaxValue, null, 10, Ct));
    }

    [BackendFact]
    public async Task Events_ComeBackOrderedByTimeThenIngestionOrder()
    {
        await Storage.Dossiers.CommitAsync([Commit([Event("E-c", "D1", T0.AddMinutes(2)), Event("E-b", "D1", T0.AddMinutes(1))])], Ct);
        await Storage.Dossiers.CommitAsync([Commit([Event("E-a", "D1", T0.AddMinutes(1)), Event("E-z", "D2", T0)])], Ct);
        await Storage.Dossiers.CommitAsync([Commit([Event("E-0", "D1", T0)])], Ct);

        Assert.Equal(["E-0", "E-b", "E-a", "E-c"], (await Storage.Dossiers.GetEventsAsync("D1", Ct)).Select(e => e.EventId));
        Assert.Empty(await Storage.Dossiers.GetEventsAsync("D-none", Ct));
    }

    [BackendFact]
    public async Task FindEvents_ReturnsTheStoredOnesWithTheirDossier()
    {
        await Storage.Dossiers.CommitAsync([Received("D1", "E1"), Received("D2", "E2")], Ct);

        var found = await Storage.Dossiers.FindEventsAsync(["E2", "E-new", "E1", "E2"], Ct);

        Assert.Equal(new Dictionary<string, string> { ["E1"] = "D1", ["E2"] = "D2" }, found);
        Assert.Empty(await Storage.Dossiers.FindEventsAsync([], Ct));
    }

    [BackendFact]
    public async Task Count_SplitsDossiersAsTheQueryDocumentSays()
    {
        var now = T0.AddDays(3);
        DossierRecord[] dossiers =
        [
            Dossier("overdue", dueAt: T0.AddDays(1)),
            Dossier("due-soon", dueAt: T0.AddDays(4), dueSoonAt: T0.AddDays(2)),
            Dossier("due-soon-exactly-now", dueAt: T0.AddDays(4), dueSoonAt: now),
            Dossier("due-exactly-now", dueAt: now, dueSoonAt: now.AddDays(-1)),
            Dossier("running", dueAt: T0.AddDays(10), dueSoonAt: T0.AddDays(9)),
            Dossier("paused-past-due", dueAt: T0.AddDays(1), paused: true),
            Dossier("early", dueAt: T0.AddDays(5), finishedAt: T0.AddDays(1), outcome: "early"),
            Dossier("on-time", dueAt: T0.AddDays(1), finishedAt: T0.AddDays(1), outcome: "on_time"),
            Dossier("late", dueAt: T0.AddDays(1), finishedAt: T0.AddDays(2), outcome: "late"),
            Dossier("other-unit", unitId: "U2", dueAt: T0.AddDays(1)),
            Dossier("other-officer", officerId: "O2", dueAt: T0.AddDays(1), finishedAt: T0.AddDays(2), outcome: "late"),
            Dossier("no-officer", officerId: null),
            Dossier("received-earlier", receiptDate: new DateOnly(2025, 12, 1), dueAt: T0.AddDays(1)),
        ];
        await Storage.Dossiers.CommitAsync([.. dossiers.Select(d => Commit(dossier: d))], Ct);

        Assert.Equal(
            new DossierCounts(Received: 13, Open: 9, Overdue: 3, DueSoon: 3, Paused: 1, FinishedEarly: 1, FinishedOnTime: 1, FinishedLate: 2),
            await Storage.Dossiers.CountAsync(new DossierCountQuery(now, null, null, null, null), Ct));
        Assert.Equal(
            new DossierCounts(Received: 10, Open: 7, Overdue: 2, DueSoon: 3, Paused: 1, FinishedEarly: 1, FinishedOnTime: 1, FinishedLate: 1),
            await Storage.Dossiers.CountAsync(new DossierCountQuery(now, ["U1"], "O1", null, null), Ct));
        Assert.Equal(
            new DossierCounts(Received: 1, Open: 0, Overdue: 0, DueSoon: 0, Paused: 0, FinishedEarly: 0, FinishedOnTime: 0, FinishedLate: 1),
            await Storage.Dossiers.CountAsync(new DossierCountQuery(now, ["U1", "U3"], "O2", null, null), Ct));
        Assert.Equal(
            new DossierCounts(Received: 1, Open: 1, Overdue: 1, DueSoon: 0, Paused: 0, FinishedEarly: 0, FinishedOnTime: 0, FinishedLate: 0),
            await Storage.Dossiers.CountAsync(new DossierCountQuery(now, ["U2"], null, null, null), Ct));
        Assert.Equal(
            12,
            (await Storage.Dossiers.CountAsync(new DossierCountQuery(now, null, null, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)), Ct)).Received);
        Assert.Equal(
            1,
            (await Storage.Dossiers.CountAsync(new DossierCountQuery(now, null, null, null, new DateOnly(2026, 1, 4)), Ct)).Received);
        Assert.Equal(
            0,
            (await Storage.Dossiers.CountAsync(new DossierCountQuery(now, null, null, new DateOnly(2026, 1, 6), null), Ct)).Received);
        Assert.Equal(0, (await Storage.Dossiers.CountAsync(new DossierCountQuery(now, [], null, null, null), Ct)).Received);
    }

    [BackendFact]
    public async Task OpenDossiers_ComeMostOverdueFirst_AndStreamingHonoursOpenOnly()
    {
        DossierRecord[] dossiers =
        [
            Dossier("later", dueAt: T0.AddDays(9)),
            Dossier("first", dueAt: T0.AddDays(1)),
            Dossier("finished", dueAt: T0, finishedAt: T0, outcome: "on_time"),
            Dossier("second", dueAt: T0.AddDays(2), paused: true),
            Dossier("elsewhere", unitId: "U7", dueAt: T0),
        ];
        await Storage.Dossiers.CommitAsync([.. dossiers.Select(d => Commit(dossier: d))], Ct);

        Assert.Equal(["first", "second", "later"], (await Storage.Dossiers.GetOpenDossiersAsync(["U1"], 10, Ct)).Select(d => d.Id));
        Assert.Equal(["elsewhere", "first"], (await Storage.Dossiers.GetOpenDossiersAsync(["U1", "U7"], 2, Ct)).Select(d => d.Id));

        var open = new List<string>();
        await foreach (var d in Storage.Dossiers.StreamDossiersAsync(openOnly: true, Ct))
        {
            open.Add(d.Id);
        }

        var all = new List<DossierRecord>();
        await foreach (var d in Storage.Dossiers.StreamDossiersAsync(openOnly: false, Ct))
        {
            all.Add(d);
        }

        Assert.Equal(["elsewhere", "first", "later", "second"], open.Order(StringComparer.Ordinal));
        Assert.Equal(dossiers.OrderBy(d => d.Id, StringComparer.Ordinal), all.OrderBy(d => d.Id, StringComparer.Ordinal));
    }

    [BackendFact]
    public async Task Commit_BadInput_IsRejectedBeforeAnythingIsWritten()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Dossiers.CommitAsync(
            [Received("D1", "E1"), Commit(dossier: Dossier("D2") with { Outcome = "sometime" })],
            Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Dossiers.CommitAsync(
            [Received("D1", "E1"), Commit(alerts: [new AlertChange(AlertChangeKind.Raise, "k", T0)])],
            Ct));

        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Dossiers.CommitAsync(
            [Received("D1", "E1"), Commit([Event("E2", "D2") with { Payload = "{\"eventId\": \"E2\"" }])],
            Ct));
        var nul = await Assert.ThrowsAsync<ArgumentException>(() => Storage.Dossiers.CommitAsync(
            [Received("D1", "E1"), Commit([Event("E3", "D3") with { Payload = "{\"note\": \"a\\u0000b\"}" }])],
            Ct));

        Assert.Contains("E3", nul.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Storage.Dossiers.CountEventsAsync(Ct));

        // A backslash followed by the text "u0000" is fine.
        await Storage.Dossiers.CommitAsync([Commit([Event("E4", "D4") with { Payload = "{\"path\": \"C:\\\\u0000\"}" }])], Ct);
        Assert.Equal("C:\\u0000", JsonDocument.Parse(Assert.Single(await Storage.Dossiers.GetEventsAsync("D4", Ct)).Payload).RootElement.GetProperty("path").GetString());
    }
}
