using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Procedures;
using SlaGrid.Grains.Rules;

namespace SlaGrid.Grains.Tests.Clock;

/// <summary>
/// Shared fixtures. Reference weeks (2026, no holiday in the embedded data): Mon 2/3 … Fri 6/3, Sat 7/3, Sun 8/3,
/// Mon 9/3 … Fri 13/3. Tests that need a holiday build their own calendar data.
/// </summary>
internal static class Fx
{
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2026) =>
        VietnamTime.At(year, month, day, hour, minute);

    public static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    public static CalendarData Holidays(params DateOnly[] days) =>
        new(days.Select(d => new CalendarDay(d, CalendarDayKind.Holiday, "test holiday")));

    public static WorkingCalendar Cal(params DateOnly[] holidays) => new(Holidays(holidays));

    public static readonly Procedure WD3 = new("WD3", "3 working days", new ProcedureLimit(3, LimitUnit.WorkingDays));
    public static readonly Procedure WD5 = new("WD5", "5 working days", new ProcedureLimit(5, LimitUnit.WorkingDays));
    public static readonly Procedure SameDay = new("WD0", "same day", new ProcedureLimit(0, LimitUnit.WorkingDays));
    public static readonly Procedure Days4 = new("D4", "4 days", new ProcedureLimit(4, LimitUnit.Days));
    public static readonly Procedure Hours4 = new("H4", "4 working hours", new ProcedureLimit(4, LimitUnit.WorkingHours));
    public static readonly Procedure FeesPause = new("FEE", "3 working days, fees pause", new ProcedureLimit(3, LimitUnit.WorkingDays), FeesPauseClock: true);

    public static readonly ProcedureCatalog Catalog = new([WD3, WD5, SameDay, Days4, Hours4, FeesPause]);

    public static DossierClock NewClock(CalendarData? data = null, RuleSetCatalog? ruleSets = null) =>
        new(data ?? CalendarData.Empty, Catalog, ruleSets);

    public static DossierClock NewClockWith(ClockPolicy policy, CalendarData? data = null) =>
        NewClock(data, RuleSetCatalog.CreateVietnam(policy, policy));

    private static long _next;

    public static DossierEvent E(DossierEventType type, DateTimeOffset at, string dossier = "D1") =>
        new($"e{Interlocked.Increment(ref _next)}", dossier, type, at) { Sequence = Interlocked.Read(ref _next) };

    public static DossierEvent Received(DateTimeOffset at, string procedure = "WD3", string unit = "U1", string? officer = null, DateTimeOffset? dueAt = null) =>
        E(DossierEventType.Received, at) with { UnitId = unit, ProcedureCode = procedure, OfficerId = officer, DueAt = dueAt };

    public static DossierEvent Rescheduled(DateTimeOffset at, DateTimeOffset newDue) =>
        E(DossierEventType.Rescheduled, at) with { NewDueAt = newDue };

    public static DossierState Eval(DossierClock clock, params DossierEvent[] events)
    {
        var timeline = clock.Evaluate(events);
        Assert.True(timeline.IsConsistent, string.Join("; ", timeline.Entries.Where(e => !e.Applied).Select(e => e.Error!.Message)));
        return timeline.State;
    }

    /// <summary>Feeds events one by one through TryApply; asserts each is accepted; returns the log and state.</summary>
    public static (IReadOnlyList<DossierEvent> Log, DossierState State) Accept(DossierClock clock, params DossierEvent[] events)
    {
        IReadOnlyList<DossierEvent> log = [];
        DossierState? state = null;
        foreach (var e in events)
        {
            var d = clock.TryApply(log, e);
            Assert.True(d.Accepted, d.Error?.Message);
            log = d.Events;
            state = d.State;
        }

        return (log, state!);
    }
}
