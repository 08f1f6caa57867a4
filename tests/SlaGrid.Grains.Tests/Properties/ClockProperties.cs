using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Measures;
using SlaGrid.Grains.Procedures;
using SlaGrid.Grains.Rules;
using static SlaGrid.Grains.Tests.Properties.Prop;

namespace SlaGrid.Grains.Tests.Properties;

public sealed class ClockProperties
{
    private static readonly DossierEventType[] Types = Enum.GetValues<DossierEventType>();

    private static (DossierClock Clock, WorkingCalendar Cal) RandomClock(Random r)
    {
        var cal = RandomCalendar(r);
        var procedures = new ProcedureCatalog(
        [
            new Procedure("P", "random", r.Next(3) switch
            {
                0 => new ProcedureLimit(r.Next(0, 15), LimitUnit.WorkingDays),
                1 => new ProcedureLimit(r.Next(0, 30), LimitUnit.Days),
                _ => new ProcedureLimit(r.Next(1, 60), LimitUnit.WorkingHours),
            }, FeesPauseClock: r.Next(2) == 0),
            new Procedure("FEE", "fees pause", new ProcedureLimit(r.Next(1, 10), LimitUnit.WorkingDays), FeesPauseClock: true),
        ]);
        var policy = new ClockPolicy
        {
            SecondSupplementCountsLate = r.Next(2) == 0,
            RescheduleCountsLate = r.Next(2) == 0,
            DueSoonThreshold = TimeSpan.FromHours(r.Next(0, 17)),
            EscalateAfterWorkingDays = r.Next(0, 4),
        };
        var schedule = cal.Schedule;
        return (new DossierClock(cal.Data, procedures, RuleSetCatalog.CreateVietnam(policy, policy), _ => schedule), cal);
    }

    private static List<DossierEvent> RandomEvents(Random r, WorkingCalendar cal, string procedure)
    {
        var t = RandomInstant(r, cal);
        var events = new List<DossierEvent>();
        var n = r.Next(1, 14);
        var seq = 0L;
        for (var i = 0; i < n; i++)
        {
            var type = i == 0 && r.NextDouble() < 0.85 ? DossierEventType.Received : Types[r.Next(Types.Length)];
            var at = t + TimeSpan.FromMinutes(r.Next(-600, 3000));
            t = at > t ? at : t;
            events.Add(new DossierEvent($"e{i}", "D", type, at)
            {
                Sequence = ++seq,
                UnitId = type is DossierEventType.Received || r.NextDouble() < 0.5 ? $"U{r.Next(3)}" : null,
                OfficerId = r.NextDouble() < 0.5 ? $"O{r.Next(3)}" : null,
                ProcedureCode = r.NextDouble() < 0.95 ? procedure : "UNKNOWN",
                DueAt = type == DossierEventType.Received && r.NextDouble() < 0.2 ? at + TimeSpan.FromHours(r.Next(-2, 200)) : null,
                NewDueAt = type == DossierEventType.Rescheduled && r.NextDouble() < 0.95 ? at + TimeSpan.FromHours(r.Next(-5, 300)) : null,
            });
        }

        return events;
    }

    /// <summary>Feeds events in a random arrival order; returns the accepted log, the last state and every decision.</summary>
    private static (IReadOnlyList<DossierEvent> Log, DossierState? State) Feed(DossierClock clock, Random r, List<DossierEvent> events)
    {
        IReadOnlyList<DossierEvent> log = [];
        DossierState? state = null;
        foreach (var e in events.OrderBy(_ => r.Next()))
        {
            var d = clock.TryApply(log, e);
            Assert.True(d.Events.Count >= log.Count);
            Assert.True(log.All(a => d.Events.Contains(a)), "an accepted event was dropped");
            Assert.Equal(d.Accepted, d.Error is null && !d.Duplicate);
            log = d.Events;
            state = d.State;
        }

        return (log, state);
    }

    [Fact]
    public void AcceptedLogs_StayConsistent_AndReplayToTheSameState() => ForAll(r =>
    {
        var (clock, cal) = RandomClock(r);
        var (log, state) = Feed(clock, r, RandomEvents(r, cal, r.Next(2) == 0 ? "P" : "FEE"));
        var replay = clock.Evaluate(log.Reverse());
        Assert.True(replay.IsConsistent, string.Join("; ", replay.Entries.Where(e => !e.Applied).Select(e => e.Error!.Message)));
        Assert.Equal(state, replay.State);
    });

    [Fact]
    public void Due_IsNeverBeforeTheClockStart_AndCategoriesAreExclusive() => ForAll(r =>
    {
        var (clock, cal) = RandomClock(r);
        var events = RandomEvents(r, cal, "P").Where(e => e.Type != DossierEventType.Received || true).ToList();
        events[0] = events[0] with { Type = DossierEventType.Received, UnitId = "U0", ProcedureCode = "P", DueAt = null };
        var (_, state) = Feed(clock, r, events);
        if (state is null || !state.IsReceived)
        {
            return;
        }

        Assert.True(state.OriginalDueAt >= state.ClockStartedAt || events[0].DueAt is not null || state.ReceivedAt != events[0].At);
        var now = RandomInstant(r, cal);
        var category = state.Category(now);
        Assert.NotNull(category);
        var flags = new[] { state.IsOverdue(now), state.IsDueSoon(now), state.Paused && state.IsOpen, state.IsEnded };
        Assert.True(flags.Count(f => f) <= 1);
        Assert.Equal(category == DossierCategory.Overdue, state.IsOverdue(now));
        Assert.Equal(category == DossierCategory.DueSoon, state.IsDueSoon(now));
        if (state.NextCheckAt(now) is { } next)
        {
            Assert.True(next > now);
        }
    });

    [Fact]
    public void PauseAndImmediateResume_ChangesNothing() => ForAll(r =>
    {
        var (clock, cal) = RandomClock(r);
        var events = RandomEvents(r, cal, "FEE");
        events[0] = events[0] with { Type = DossierEventType.Received, UnitId = "U0", ProcedureCode = "FEE", DueAt = null };
        var (log, state) = Feed(clock, r, events);
        if (state is null || !state.IsReceived)
        {
            return;
        }

        var at = state.ReceivedAt!.Value + TimeSpan.FromMinutes(r.Next(0, 6000));
        var request = clock.TryApply(log, new DossierEvent("fr", "D", DossierEventType.FeeRequested, at) { Sequence = 1000 });
        if (!request.Accepted)
        {
            return;
        }

        var paid = clock.TryApply(request.Events, new DossierEvent("fp", "D", DossierEventType.FeePaid, at) { Sequence = 1001 });
        Assert.True(paid.Accepted, paid.Error?.Message);
        Assert.Equal(state with { LastEventAt = null }, paid.State with { LastEventAt = null });
    });

    [Fact]
    public void CountsOfRandomDossiers_SumToReceived_AndPoolExactly() => ForAll(r =>
    {
        var (clock, cal) = RandomClock(r);
        var now = RandomInstant(r, cal);
        var categories = new List<DossierCategory>();
        for (var i = 0; i < r.Next(0, 12); i++)
        {
            var events = RandomEvents(r, cal, "P");
            events[0] = events[0] with { Type = DossierEventType.Received, UnitId = "U0", ProcedureCode = "P" };
            if (Feed(clock, r, events).State?.Category(now) is { } c)
            {
                categories.Add(c);
            }
        }

        var all = MeasureCounts.FromCategories(categories);
        Assert.True(all.IsConsistent);
        Assert.Equal(categories.Count, all.Received);
        Assert.Equal(all.Received, all.Open + all.FinishedEarly + all.FinishedOnTime + all.FinishedLate);

        var parts = categories.GroupBy(_ => r.Next(3)).Select(g => MeasureCounts.FromCategories(g)).ToList();
        var pooled = MeasureCounts.Sum(parts);
        Assert.Equal(all, pooled);
        Assert.Equal(all.OnTimeRatio, pooled.OnTimeRatio);
        Assert.Equal(all.LateRatio, pooled.LateRatio);
        Assert.InRange(all.OnTimeRatio + all.LateRatio, all.Received == 0 ? 0 : 1 - 1e-12, 1 + 1e-12);
    });
}
