using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Measures;
using static SlaGrid.Grains.Clock.DossierCategory;

namespace SlaGrid.Grains.Tests.Measures;

public sealed class MeasureCountsTests
{
    [Fact]
    public void FromCategories_SplitsOpenAndFinished()
    {
        var c = MeasureCounts.FromCategories([Running, DueSoon, Overdue, Overdue, Paused, FinishedEarly, FinishedOnTime, FinishedLate]);
        Assert.Equal(new MeasureCounts(8, 5, 2, 1, 1, 1, 1, 1), c);
        Assert.Equal(1, c.Running);
        Assert.True(c.IsConsistent);
    }

    [Fact]
    public void Ratios_FollowDecision766()
    {
        // 10 received: 3 early, 2 on time, 1 late, 4 open of which 1 overdue.
        var c = new MeasureCounts(Received: 10, Open: 4, Overdue: 1, DueSoon: 1, Paused: 1, FinishedEarly: 3, FinishedOnTime: 2, FinishedLate: 1);
        Assert.Equal(0.8, c.OnTimeRatio, 12); // (3 + 2 + 4 − 1) / 10
        Assert.Equal(0.2, c.LateRatio, 12);   // (1 + 1) / 10
    }

    [Fact]
    public void Ratios_AreZero_WhenNothingReceived()
    {
        Assert.Equal(0d, MeasureCounts.Zero.OnTimeRatio);
        Assert.Equal(0d, MeasureCounts.Zero.LateRatio);
    }

    [Fact]
    public void Pooling_SumsCounts_NeverAveragesRatios()
    {
        var a = MeasureCounts.FromCategories([FinishedLate]);                           // on-time ratio 0
        var b = MeasureCounts.FromCategories(Enumerable.Repeat(FinishedEarly, 9));      // on-time ratio 1
        var pooled = a + b;
        Assert.Equal(0.9, pooled.OnTimeRatio, 12);   // 9 / 10, not (0 + 1) / 2
        Assert.Equal(0.1, pooled.LateRatio, 12);
        Assert.Equal(pooled, MeasureCounts.Sum([a, b]));
        Assert.Equal(a, pooled - b);
    }

    [Fact]
    public void Move_TransfersOneDossierBetweenCategories()
    {
        var c = MeasureCounts.FromCategories([Running, DueSoon]);
        var moved = c.Move(DueSoon, Overdue);
        Assert.Equal(MeasureCounts.FromCategories([Running, Overdue]), moved);
        Assert.Equal(MeasureCounts.FromCategories([Running, DueSoon, FinishedLate]), c.Move(null, FinishedLate));
        Assert.Equal(MeasureCounts.FromCategories([Running]), c.Move(DueSoon, null));
        Assert.Equal(c, c.Add(Paused).Remove(Paused));
    }
}
