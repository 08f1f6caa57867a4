using System.Globalization;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Procedures;
using GridLimit = SlaGrid.Grains.Procedures.ProcedureLimit;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// Writes the simulated dossiers: arrivals (a Poisson stream at <c>DossiersPerMinute</c> in office hours, a
/// twentieth of it outside them, as online submissions) and, for each, a whole story through its lifecycle on the
/// shipped calendar: received at the one-stop desk, assigned to a handler, mostly processed early or on time, some
/// late or stuck (escalated), some paused for supplements (a few twice) or fees, a few rescheduled (some with a late
/// apology, a rare second attempt that the grid refuses), refused or withdrawn, most results returned.
/// Deterministic: the same province, seed, run tag and start give the same stories, whenever they are asked for.
/// </summary>
internal sealed class DemoScenario
{
    private const double OffHoursShare = 0.05;
    private static readonly TimeOnly SameDayCutoff = new(15, 0);
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(8);

    private readonly WorkingCalendar _calendar;
    private readonly int _seed;
    private readonly string _runTag;
    private readonly double _perMinute;
    private readonly Random _arrivals;
    private readonly DemoOffice[] _offices;
    private readonly double[] _officeWeights;
    private readonly Dictionary<DemoDesk, (DemoProcedure[] Items, double[] Weights, GridLimit[] Limits)> _procedures = [];

    /// <summary>A scenario whose first arrival comes after <paramref name="start"/>.</summary>
    /// <param name="province">The units, officers and procedures.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="runTag">A prefix of dossier ids, unique per run (dossier ids are <c>{runTag}-{n:D6}</c>).</param>
    /// <param name="start">Where the arrival stream starts.</param>
    /// <param name="dossiersPerMinute">Arrivals per minute of office time.</param>
    /// <param name="calendar">The working calendar (default: the shipped Vietnamese one).</param>
    public DemoScenario(DemoProvince province, int seed, string runTag, DateTimeOffset start, double dossiersPerMinute, WorkingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(province);
        ArgumentException.ThrowIfNullOrEmpty(runTag);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dossiersPerMinute, 0);
        _calendar = calendar ?? WorkingCalendar.Default;
        _seed = seed;
        _runTag = runTag;
        _perMinute = dossiersPerMinute;
        _arrivals = new Random(seed);
        _offices = [.. province.Offices];
        _officeWeights = Cumulative(_offices.Select(o => o.Weight));
        foreach (var group in province.Procedures.GroupBy(p => p.Desk))
        {
            var items = group.ToArray();
            _procedures[group.Key] = (items, Cumulative(items.Select(p => p.Weight)), [.. items.Select(p => GridLimit.Parse(p.Procedure.Limit.Value, p.Procedure.Limit.Unit))]);
        }

        NextArrivalAt = NextArrival(Truncate(start));
    }

    /// <summary>When the next dossier arrives (its <c>received</c> instant).</summary>
    public DateTimeOffset NextArrivalAt { get; private set; }

    /// <summary>How many stories have been written.</summary>
    public long Written { get; private set; }

    /// <summary>The story of the dossier arriving at <see cref="NextArrivalAt"/>; moves on to the next arrival.</summary>
    public DemoStory Next()
    {
        var at = NextArrivalAt;
        var story = Write(++Written, at);
        NextArrivalAt = NextArrival(at);
        return story;
    }

    private DateTimeOffset NextArrival(DateTimeOffset after)
    {
        var t = after;
        while (true)
        {
            var gapMinutes = -Math.Log(1 - _arrivals.NextDouble()) / _perMinute;
            t = Truncate(t + TimeSpan.FromMinutes(Math.Max(gapMinutes, 1.0 / 60)));
            if (_calendar.IsWithinOfficeHours(t) || _arrivals.NextDouble() < OffHoursShare)
            {
                return VietnamTime.ToLocal(t);
            }
        }
    }

    private DemoStory Write(long sequence, DateTimeOffset receivedAt)
    {
        var r = new Random(Mix(_seed, sequence));
        var office = _offices[Pick(_officeWeights, r)];
        var (items, weights, limits) = _procedures[office.Desk];
        var index = Pick(weights, r);
        var procedure = items[index].Procedure;
        var id = $"{_runTag}-{sequence.ToString("D6", CultureInfo.InvariantCulture)}";
        var plan = new List<(DateTimeOffset At, string Type, string? Officer, DateTimeOffset? NewDueAt)>(10);

        var start = _calendar.NormalizeStart(receivedAt);
        var due = DueCalculator.ComputeDue(limits[index], receivedAt, _calendar, SameDayCutoff);
        var w = Max(_calendar.WorkingTimeBetween(start, due), TimeSpan.FromMinutes(10));
        var pauses = new List<(TimeSpan At, TimeSpan Length, string Opens, string Closes)>(3);

        // Instants on the running clock: pauses (in working time) push everything after them.
        DateTimeOffset Instant(TimeSpan running, bool afterPauseAtSameOffset)
        {
            var paused = TimeSpan.Zero;
            foreach (var p in pauses)
            {
                if (p.At < running || (afterPauseAtSameOffset && p.At == running))
                {
                    paused += p.Length;
                }
            }

            return _calendar.AddWorkingTime(start, running + paused);
        }

        var handler = office.Handlers[r.Next(office.Handlers.Count)];
        var lateRate = Math.Min(0.6, office.LateRate * (handler == office.SlowHandler ? 3 : 1));
        var assigned = Minutes(Math.Min(w.TotalMinutes * 0.1, 5 + r.Next(40)));
        var rest = w - assigned;
        plan.Add((Instant(assigned, false), EventTypes.Assigned, handler, null));

        var roll = r.NextDouble();
        var fate = roll < 0.02 ? DemoFate.Refused
            : roll < 0.035 ? DemoFate.Withdrawn
            : roll < 0.035 + (lateRate * 0.85) ? DemoFate.Late
            : roll < 0.035 + lateRate ? DemoFate.Stuck
            : DemoFate.InTime;

        if (fate is DemoFate.Refused or DemoFate.Withdrawn)
        {
            var end = fate == DemoFate.Refused ? assigned + (rest * Between(r, 0.05, 0.4)) : assigned + (rest * Between(r, 0.1, 1.2));
            plan.Add((Instant(Minutes(end.TotalMinutes), false), fate == DemoFate.Refused ? EventTypes.Refused : EventTypes.Withdrawn, null, null));
            return Finish(id, fate, receivedAt, office, procedure.Code, plan);
        }

        // Pauses, all before the due time: supplements (a few asked twice), then fees where they stop the clock.
        if (r.NextDouble() < (fate == DemoFate.InTime ? 0.07 : 0.2))
        {
            var first = Minutes((assigned + (rest * Between(r, 0.1, 0.5))).TotalMinutes);
            pauses.Add((first, Minutes(WorkingDay.TotalMinutes * Between(r, 0.5, 4)), EventTypes.SupplementRequested, EventTypes.SupplementReceived));
            if (r.NextDouble() < 0.1)
            {
                var second = Minutes((first + (rest * Between(r, 0.05, 0.2))).TotalMinutes);
                pauses.Add((second, Minutes(WorkingDay.TotalMinutes * Between(r, 0.5, 2)), EventTypes.SupplementRequested, EventTypes.SupplementReceived));
            }
        }

        if (procedure.FeesPauseClock && r.NextDouble() < 0.7)
        {
            var fees = Minutes((assigned + (rest * Between(r, 0.75, 0.9))).TotalMinutes);
            pauses.Add((fees, Minutes(WorkingDay.TotalMinutes * Between(r, 0.25, 2)), EventTypes.FeeRequested, EventTypes.FeePaid));
        }

        foreach (var p in pauses)
        {
            plan.Add((Instant(p.At, false), p.Opens, null, null));
            plan.Add((Instant(p.At, true), p.Closes, null, null));
        }

        var lastPause = pauses.Count == 0 ? assigned : pauses[^1].At;
        TimeSpan finish;
        if (fate == DemoFate.InTime)
        {
            var inTime = assigned + (rest * (0.25 + (0.73 * Math.Sqrt(r.NextDouble()))));
            finish = inTime > lastPause ? inTime : lastPause + ((w - lastPause) * Between(r, 0.2, 0.95));
        }
        else
        {
            finish = w + (fate == DemoFate.Late ? TimeSpan.FromHours(Between(r, 0.5, 24)) : WorkingDay * Between(r, 3, 12));
        }

        finish = Minutes(finish.TotalMinutes);
        var processedAt = Instant(finish, true);

        // An apology and a new date for some late ones, mostly the working day before the due day.
        if (fate != DemoFate.InTime && w >= WorkingDay && r.NextDouble() < 0.4)
        {
            var dueAt = Instant(w, true);
            var dueDate = VietnamTime.LocalDate(dueAt);
            var apologyLate = r.NextDouble() < 0.2;
            var at = apologyLate
                ? VietnamTime.At(dueDate, new TimeOnly(9, 0)).AddMinutes(r.Next(120))
                : VietnamTime.At(_calendar.PreviousWorkingDay(dueDate), new TimeOnly(14, 0)).AddMinutes(r.Next(150));
            var lastResume = pauses.Count == 0 ? DateTimeOffset.MinValue : Instant(pauses[^1].At, true);
            if (at > plan[0].At && at > lastResume && at < dueAt)
            {
                var newDate = dueDate;
                for (var i = r.Next(2, fate == DemoFate.Late ? 6 : 11); i > 0; i--)
                {
                    newDate = _calendar.NextWorkingDay(newDate);
                }

                var newDueAt = _calendar.EndOfWorkingDay(newDate);
                plan.Add((at, EventTypes.Rescheduled, null, newDueAt));
                if (fate == DemoFate.Late)
                {
                    var window = _calendar.WorkingTimeBetween(dueAt, newDueAt);
                    processedAt = _calendar.AddWorkingTime(dueAt, Minutes(window.TotalMinutes * Between(r, 0.2, 0.95)));
                }

                var again = _calendar.AddWorkingTime(at, TimeSpan.FromHours(4));
                if (r.NextDouble() < 0.08 && again < processedAt)
                {
                    plan.Add((again, EventTypes.Rescheduled, null, _calendar.EndOfWorkingDay(_calendar.NextWorkingDay(newDate))));
                }
            }
        }

        plan.Add((processedAt, EventTypes.Processed, null, null));
        if (r.NextDouble() < 0.8)
        {
            plan.Add((_calendar.AddWorkingTime(processedAt, TimeSpan.FromMinutes(30 + r.Next(450))), EventTypes.Returned, null, null));
        }

        return Finish(id, fate, receivedAt, office, procedure.Code, plan);
    }

    private static DemoStory Finish(
        string id,
        DemoFate fate,
        DateTimeOffset receivedAt,
        DemoOffice office,
        string procedureCode,
        List<(DateTimeOffset At, string Type, string? Officer, DateTimeOffset? NewDueAt)> plan)
    {
        var events = new List<DossierEvent>(plan.Count + 1)
        {
            new($"{id}-01", id, EventTypes.Received, receivedAt, office.UnitId, procedureCode, office.DeskOfficerId),
        };
        var last = receivedAt;
        foreach (var step in plan.OrderBy(s => s.At))
        {
            var at = step.At > last ? step.At : last + TimeSpan.FromMinutes(1);
            last = at;
            var number = (events.Count + 1).ToString("D2", CultureInfo.InvariantCulture);
            events.Add(new DossierEvent($"{id}-{number}", id, step.Type, VietnamTime.ToLocal(at), OfficerId: step.Officer, NewDueAt: step.NewDueAt));
        }

        return new DemoStory(id, fate, events);
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(Math.Max(1, Math.Round(minutes)));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);

    // SplitMix64 of (seed, sequence): each story gets its own stream, independent of how many came before.
    private static int Mix(int seed, long sequence)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)sequence;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }
}
