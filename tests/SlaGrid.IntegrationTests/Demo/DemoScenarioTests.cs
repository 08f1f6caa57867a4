using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Procedures;
using SlaGrid.Silo.Demo;
using ContractEvent = SlaGrid.Client.Contracts.DossierEvent;
using DomainProcedure = SlaGrid.Grains.Procedures.Procedure;
using LimitUnits = SlaGrid.Client.Contracts.LimitUnits;
using ProcedureLimit = SlaGrid.Grains.Procedures.ProcedureLimit;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>The simulated province and its dossiers: reproducible, realistic in shape, and valid for the grid's clock.</summary>
public sealed class DemoScenarioTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.FromHours(7)); // a Monday
    private static readonly DemoProvince Province = DemoProvince.Build(42, 30);
    private static readonly DossierClock Clock = new(CalendarData.Vietnam, new ProcedureCatalog(
        DemoProcedures.All.Select(p => new DomainProcedure(p.Code, p.Procedure.Name, ProcedureLimit.Parse(p.Procedure.Limit.Value, p.Procedure.Limit.Unit), p.Procedure.FeesPauseClock))));

    [Fact]
    public void SameSeed_GivesTheSameFirstEvents()
    {
        var first = Timeline(42).TakeDue(Start.AddDays(4), 2_000);
        var second = Timeline(42).TakeDue(Start.AddDays(4), 2_000);
        Assert.Equal(2_000, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void SameSeed_GivesTheSameEvents_HoweverTheyAreTakenInBatches()
    {
        var whole = Timeline(7).TakeDue(Start.AddDays(2), 100_000);
        var piecewise = Timeline(7);
        var pieces = new List<ContractEvent>();
        for (var t = Start; t <= Start.AddDays(2); t = t.AddMinutes(17))
        {
            pieces.AddRange(piecewise.TakeDue(t, 37));
        }

        pieces.AddRange(piecewise.TakeDue(Start.AddDays(2), 100_000));
        Assert.True(whole.Count > 1_000);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void AnotherSeed_GivesOtherEvents()
    {
        var a = Timeline(42).TakeDue(Start.AddDays(1), 300);
        var b = Timeline(43).TakeDue(Start.AddDays(1), 300);
        Assert.NotEqual(a.Select(e => (e.Type, e.At, e.UnitId, e.ProcedureCode)), b.Select(e => (e.Type, e.At, e.UnitId, e.ProcedureCode)));
    }

    [Fact]
    public void Timeline_PostsEventsInTimeOrder_EachDossierStartingWithItsReceipt()
    {
        var events = Timeline(42).TakeDue(Start.AddDays(10), 20_000);
        Assert.True(events.Count > 5_000);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].At >= events[i - 1].At, $"event {i} goes back in time");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            Assert.True(e.Type == EventTypes.Received || seen.Contains(e.DossierId), $"{e.EventId} comes before its dossier's receipt");
            seen.Add(e.DossierId);
        }

        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Stories_ApplyCleanlyOnTheGridsClock_AndEndAsTheyWereWritten()
    {
        var scenario = new DemoScenario(Province, 42, "T", Start, 2);
        var fates = new Dictionary<DemoFate, int>();
        var types = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new Dictionary<DossierOutcome, int>();
        for (var i = 0; i < 4_000; i++)
        {
            var story = scenario.Next();
            fates[story.Fate] = fates.GetValueOrDefault(story.Fate) + 1;
            types.UnionWith(story.Events.Select(e => e.Type));
            var timeline = Clock.Evaluate(story.Events.Select((e, n) => DemoHistoryFilter.ToDomain(e, n + 1)));
            var refused = timeline.Entries.Where(e => !e.Applied).ToList();

            // Only a second apology is ever refused, by design (it raises reschedule_limit).
            Assert.All(refused, e => Assert.Equal(ClockErrorCodes.RescheduleLimit, e.Error!.Code));
            Assert.True(refused.Count <= 1);
            if (refused.Count == 1)
            {
                Assert.Equal(2, story.Events.Count(e => e.Type == EventTypes.Rescheduled));
            }

            var state = timeline.State;
            Assert.True(state.IsEnded, $"{story.DossierId} does not end");
            var outcome = state.Outcome!.Value;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            switch (story.Fate)
            {
                case DemoFate.InTime when state.SupplementRequests < 2:
                    Assert.NotEqual(DossierOutcome.Late, outcome);
                    break;
                case DemoFate.Late or DemoFate.Stuck:
                    Assert.Equal(DossierOutcome.Late, outcome);
                    break;
            }
        }

        Assert.True(fates[DemoFate.InTime] > 3_000, "most dossiers end in time");
        Assert.True(fates[DemoFate.Late] + fates[DemoFate.Stuck] is > 40 and < 600, "some end late");
        Assert.True(fates[DemoFate.Refused] > 20 && fates[DemoFate.Withdrawn] > 10);
        Assert.True(outcomes[DossierOutcome.Early] > outcomes[DossierOutcome.Late]);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                EventTypes.Received, EventTypes.Assigned, EventTypes.SupplementRequested, EventTypes.SupplementReceived,
                EventTypes.FeeRequested, EventTypes.FeePaid, EventTypes.Rescheduled, EventTypes.Processed, EventTypes.Returned,
                EventTypes.Refused, EventTypes.Withdrawn,
            },
            types);
    }

    [Fact]
    public void Arrivals_ComeMostlyInOfficeHours_OnWorkingDays()
    {
        var scenario = new DemoScenario(Province, 42, "T", Start, 2);
        var receipts = Enumerable.Range(0, 2_000).Select(_ => scenario.Next().Events[0].At).ToList();
        var inHours = receipts.Count(WorkingCalendar.Default.IsWithinOfficeHours);
        Assert.InRange(inHours / (double)receipts.Count, 0.85, 0.99);
        Assert.All(receipts, r => Assert.Equal(TimeSpan.FromHours(7), r.Offset));
    }

    [Fact]
    public void Timeline_HoldsAtMostItsBoundOfWaitingEvents()
    {
        var timeline = new DemoTimeline(new DemoScenario(Province, 42, "T", Start, 50), maxPending: 200, Start);
        for (var t = Start; t < Start.AddDays(3); t = t.AddMinutes(30))
        {
            timeline.TakeDue(t, 10);
            Assert.True(timeline.Pending < 200 + 20, $"{timeline.Pending} events waiting");
        }
    }

    [Fact]
    public void Province_HasCommunesOfficersLeadersAndProceduresAsDescribed()
    {
        var province = DemoProvince.Build(42, 100, "NATION");
        var communes = province.Units.Where(u => u.Level == "commune").ToList();
        Assert.Equal(100, communes.Count);
        Assert.Equal("NATION", province.Units[0].ParentId);
        Assert.Equal(DemoProvince.ProvinceName, province.Units[0].Name);
        Assert.Equal(province.Units.Count, province.Units.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(province.Units.Count, province.Units.Select(u => u.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(communes, c => Assert.True(c.Name.StartsWith("Xã ", StringComparison.Ordinal) || c.Name.StartsWith("Phường ", StringComparison.Ordinal) || c.Name.StartsWith("Đặc khu ", StringComparison.Ordinal), c.Name));
        Assert.Contains(communes, c => c.Name.StartsWith("Phường ", StringComparison.Ordinal));

        var officers = province.Officers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        Assert.Equal(province.Officers.Count, officers.Count);
        foreach (var unit in province.Units)
        {
            Assert.Equal(2, unit.Leaders.Count);
            Assert.All(unit.Leaders, l => Assert.Equal(unit.Id, officers[l].UnitId));
        }

        foreach (var commune in communes)
        {
            var staff = province.Officers.Count(o => o.UnitId == commune.Id) - commune.Leaders.Count;
            Assert.InRange(staff, 2, 5);
        }

        var limits = province.Procedures.Select(p => p.Procedure.Limit).ToList();
        Assert.InRange(province.Procedures.Count, 15, 20);
        Assert.Equal(0, limits.Where(l => l.Unit == LimitUnits.WorkingDays).Min(l => l.Value));
        Assert.Equal(20, limits.Where(l => l.Unit == LimitUnits.WorkingDays).Max(l => l.Value));
        Assert.Contains(limits, l => l.Unit == LimitUnits.Days);
        Assert.Contains(limits, l => l.Unit == LimitUnits.WorkingHours);
        Assert.Contains(province.Procedures, p => p.Procedure.Name == "Đăng ký khai sinh");
        Assert.Equal(province.Units.Count - 1, province.Offices.Count);
    }

    [Fact]
    public void CommuneNames_StayUnique_ForAThousand()
    {
        var names = DemoNames.CommuneNames(1_000);
        Assert.Equal(1_000, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void HistoryFilter_LeavesOutStoriesThatWouldRaiseAFalseAlert_AndKeepsTrueOnes()
    {
        var filter = new DemoHistoryFilter(() => Clock);
        var now = new DateTimeOffset(2026, 3, 13, 10, 0, 0, TimeSpan.FromHours(7)); // Friday of the next week
        var unit = Province.Offices[0];
        ContractEvent Received(string id, DateTimeOffset at, string procedure) => new(id + "-1", id, EventTypes.Received, at, unit.UnitId, procedure, unit.DeskOfficerId);

        // Same-day procedure received last Monday and processed on time: its receipt alone is overdue now.
        var processedInTime = new DemoStory("A", DemoFate.InTime, [
            Received("A", Start.AddHours(2), "DEMO-CT-BANSAO"),
            new("A-2", "A", EventTypes.Processed, Start.AddHours(4)),
        ]);
        Assert.False(filter.IsClean(processedInTime, now, now.AddMinutes(10)));

        // Still open and overdue now: the alert is true, the story is replayed.
        var stillOverdue = new DemoStory("B", DemoFate.Stuck, [
            Received("B", Start.AddHours(2), "DEMO-HT-KETHON"),
            new("B-2", "B", EventTypes.Assigned, Start.AddHours(3), OfficerId: unit.Handlers[0]),
            new("B-3", "B", EventTypes.Processed, now.AddDays(3)),
        ]);
        Assert.True(filter.IsClean(stillOverdue, now, now.AddMinutes(10)));

        // Twenty working days, processed early yesterday: never overdue, never due soon.
        var early = new DemoStory("C", DemoFate.InTime, [
            Received("C", now.AddDays(-2), "DEMO-DD-CAPGCN"),
            new("C-2", "C", EventTypes.Processed, now.AddDays(-1)),
        ]);
        Assert.True(filter.IsClean(early, now, now.AddMinutes(10)));
    }

    private static DemoTimeline Timeline(int seed) =>
        new(new DemoScenario(Province, seed, "T", Start, 2), DemoFeeder.MaxPending, Start);
}
