using System.Collections.Immutable;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Tests.Grid;

/// <summary>The incremental subtree days always equal a recount from scratch of own plus children.</summary>
public sealed class SubtreeDaysTests
{
    private static readonly DateOnly FirstDay = new(2026, 1, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomChanges_MaterializeAsARecountWould(int seed)
    {
        var random = new Random(seed);
        var own = new OwnCounts();
        var children = new Dictionary<string, UnitSnapshot>(StringComparer.Ordinal);
        var subtree = new SubtreeDays();
        var previous = subtree.Rebuild(own.Days, children.Values);
        var year = (From: FirstDay.AddDays(5), To: FirstDay.AddDays(20));
        var firstAfterRebuild = true;
        Assert.Equal(DayMath.Sum(previous, year.From, year.To), subtree.SumWithin(year.From, year.To));

        for (var step = 0; step < 2_000; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var category = (DossierCategory)random.Next(Enum.GetValues<DossierCategory>().Length);
                    own.Apply(new DossierCount($"D{random.Next(40)}", Day(random), category, null), subtree.Touched);
                    break;
                case 1:
                case 2:
                    var id = $"C{random.Next(6)}";
                    var next = RandomSnapshot(random, id);
                    subtree.TouchDifferences(children.GetValueOrDefault(id)?.Days, next.Days);
                    children[id] = next;
                    break;
                default:
                    if (children.Remove($"C{random.Next(6)}", out var removed))
                    {
                        subtree.TouchDifferences(removed.Days, null);
                    }

                    break;
            }

            if (random.Next(3) == 0)
            {
                var peeked = subtree.Peek(own.Days, children.Values);
                var materialized = subtree.Materialize(own.Days, children.Values);
                var recount = new SubtreeDays().Rebuild(own.Days, children.Values);
                Assert.Equal(recount, materialized);
                Assert.Equal(recount, peeked);
                Assert.Empty(subtree.Touched);

                // The kept totals equal sums over the map; the changed days cover every day that differs.
                Assert.Equal(DayMath.Sum(recount, null, null), subtree.Total);
                Assert.Equal(DayMath.Sum(recount, year.From, year.To), subtree.SumWithin(year.From, year.To));
                // Unknown only for the first materialization after the rebuild.
                Assert.Equal(firstAfterRebuild, subtree.LastChanged is null);
                firstAfterRebuild = false;
                var differing = previous.Keys.Union(materialized.Keys).Where(d => previous.GetValueOrDefault(d) != materialized.GetValueOrDefault(d));
                Assert.Subset((subtree.LastChanged ?? materialized.Keys.Union(previous.Keys)).ToHashSet(), differing.ToHashSet());
                previous = materialized;
            }
        }
    }

    [Fact]
    public void TouchDifferences_MarksOnlyTheDaysThatDiffer()
    {
        var one = default(MeasureCounts).Add(DossierCategory.Running);
        var two = one + one;
        var before = ImmutableSortedDictionary.CreateRange(new Dictionary<DateOnly, MeasureCounts>
        {
            [FirstDay] = one, [FirstDay.AddDays(1)] = one, [FirstDay.AddDays(2)] = one,
        });
        var after = ImmutableSortedDictionary.CreateRange(new Dictionary<DateOnly, MeasureCounts>
        {
            [FirstDay] = one, [FirstDay.AddDays(2)] = two, [FirstDay.AddDays(3)] = one,
        });
        var subtree = new SubtreeDays();

        subtree.TouchDifferences(before, after);

        Assert.Equal([FirstDay.AddDays(1), FirstDay.AddDays(2), FirstDay.AddDays(3)], subtree.Touched.Order());
    }

    private static DateOnly Day(Random random) => FirstDay.AddDays(random.Next(30));

    private static UnitSnapshot RandomSnapshot(Random random, string id)
    {
        var days = new Dictionary<DateOnly, MeasureCounts>();
        for (var i = random.Next(8); i > 0; i--)
        {
            var day = Day(random);
            days[day] = days.GetValueOrDefault(day).Add((DossierCategory)random.Next(Enum.GetValues<DossierCategory>().Length));
        }

        return new UnitSnapshot(id, random.NextInt64(), DayMath.Freeze(days));
    }
}
