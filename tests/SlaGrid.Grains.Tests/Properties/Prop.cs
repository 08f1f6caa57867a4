using System.Globalization;
using System.Runtime.CompilerServices;
using SlaGrid.Grains.Calendar;
using Xunit.Sdk;

namespace SlaGrid.Grains.Tests.Properties;

/// <summary>
/// A tiny seeded property runner (FsCheck is not available). Each case gets its own <see cref="Random"/> seeded from
/// the base seed, the property name and the case number, so every run is reproducible. On failure the message names
/// the seed; rerun just that case with <c>SLAGRID_PROPERTY_CASE_SEED=&lt;seed&gt;</c>, or change the base seed with
/// <c>SLAGRID_PROPERTY_SEED</c>.
/// </summary>
internal static class Prop
{
    public const int DefaultCases = 500;

    public static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAGRID_PROPERTY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20_260_214;

    public static void ForAll(Action<Random> body, int cases = DefaultCases, [CallerMemberName] string name = "")
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("SLAGRID_PROPERTY_CASE_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var only))
        {
            Run(body, name, -1, only);
            return;
        }

        for (var i = 0; i < cases; i++)
        {
            Run(body, name, i, unchecked((BaseSeed * 31) + (Fnv(name) * 1_000_003) + i));
        }
    }

    private static void Run(Action<Random> body, string name, int i, int seed)
    {
        try
        {
            body(new Random(seed));
        }
        catch (Exception ex)
        {
            throw new XunitException($"Property {name} failed at case {i} with seed {seed} (rerun: SLAGRID_PROPERTY_CASE_SEED={seed}): {ex.Message}");
        }
    }

    private static int Fnv(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }

    /// <summary>A random calendar: random holidays and make-up Saturdays over 2026, random office periods and Saturday flag.</summary>
    public static WorkingCalendar RandomCalendar(Random r)
    {
        var holidayRate = r.NextDouble() * 0.3;
        var days = new List<CalendarDay>();
        for (var d = new DateOnly(2025, 12, 1); d < new DateOnly(2027, 3, 1); d = d.AddDays(1))
        {
            if (d.DayOfWeek == DayOfWeek.Saturday && r.NextDouble() < 0.15)
            {
                days.Add(new CalendarDay(d, CalendarDayKind.MakeUpWorkday, "m"));
            }
            else if (r.NextDouble() < holidayRate)
            {
                days.Add(new CalendarDay(d, CalendarDayKind.Holiday, "h"));
            }
        }

        return new WorkingCalendar(new CalendarData(days), RandomSchedule(r));
    }

    public static OfficeSchedule RandomSchedule(Random r)
    {
        if (r.NextDouble() < 0.4)
        {
            return new OfficeSchedule { CountSaturdays = r.NextDouble() < 0.2 };
        }

        var count = r.Next(1, 4);
        var bounds = Enumerable.Range(0, count * 2).Select(_ => r.Next(5 * 4, 21 * 4)).Distinct().Order().ToList();
        while (bounds.Count < 2)
        {
            bounds = [r.Next(5 * 4, 12 * 4), r.Next(12 * 4 + 1, 21 * 4)];
        }

        var periods = new List<OfficePeriod>();
        for (var i = 0; i + 1 < bounds.Count; i += 2)
        {
            periods.Add(new OfficePeriod(new TimeOnly(0, 0).AddMinutes(bounds[i] * 15), new TimeOnly(0, 0).AddMinutes(bounds[i + 1] * 15)));
        }

        return new OfficeSchedule { OfficeHours = periods, CountSaturdays = r.NextDouble() < 0.2 };
    }

    /// <summary>A random instant in Jan–Oct 2026: a random minute, or often an office-period boundary of a random day.</summary>
    public static DateTimeOffset RandomInstant(Random r, WorkingCalendar cal)
    {
        var day = new DateOnly(2026, 1, 1).AddDays(r.Next(0, 300));
        if (r.NextDouble() < 0.35)
        {
            var p = cal.Schedule.OfficeHours[r.Next(cal.Schedule.OfficeHours.Count)];
            return VietnamTime.At(day, r.Next(2) == 0 ? p.Start : p.End);
        }

        return VietnamTime.At(day, new TimeOnly(0, 0)).AddMinutes(r.Next(0, 24 * 60)).AddTicks(r.NextDouble() < 0.2 ? r.Next(1, 10_000) : 0);
    }

    public static TimeSpan RandomSpan(Random r, WorkingCalendar cal) => r.Next(4) switch
    {
        0 => TimeSpan.Zero + (cal.WorkingDayLength * r.Next(0, 6)),
        1 => TimeSpan.FromMinutes(r.Next(0, 60 * 60)),
        2 => cal.Schedule.OfficeHours[0].Length,
        _ => TimeSpan.FromHours(r.Next(0, 80)),
    };
}
