using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Tests.Measures;

public sealed class ThresholdPolicyTests
{
    private static MeasureCounts Late(int late, int onTime) =>
        MeasureCounts.FromCategories(Enumerable.Repeat(DossierCategory.FinishedLate, late).Concat(Enumerable.Repeat(DossierCategory.FinishedOnTime, onTime)));

    [Fact]
    public void TenPercent_FlagsAUnit_ButNotAnOfficer()
    {
        var p = ThresholdPolicy.Default;
        Assert.True(p.IsUnitFlagged(Late(1, 9)));     // exactly 10%: "10% or more"
        Assert.False(p.IsOfficerFlagged(Late(1, 9))); // exactly 10%: not "more than 10%"
        Assert.True(p.IsOfficerFlagged(Late(2, 17))); // 10.5%
        Assert.False(p.IsUnitFlagged(Late(1, 10)));   // 9.09%
        Assert.True(p.IsUnitFlagged(Late(3, 27)));    // 3/30 = exactly 10% (exact arithmetic, no float error)
    }

    [Fact]
    public void OverdueOpenDossiers_CountAsLate()
    {
        var c = MeasureCounts.FromCategories([DossierCategory.Overdue, .. Enumerable.Repeat(DossierCategory.Running, 9)]);
        Assert.True(ThresholdPolicy.Default.IsUnitFlagged(c));
    }

    [Fact]
    public void NothingReceived_IsNeverFlagged() =>
        Assert.False(new ThresholdPolicy { UnitLateRatio = 0m }.IsUnitFlagged(MeasureCounts.Zero));

    [Fact]
    public void ProvinceOverride_AppliesToItsProvinceOnly()
    {
        var p = new ThresholdPolicy { Provinces = new Dictionary<string, ThresholdOverride> { ["KH"] = new(UnitLateRatio: 0.05m) } };
        var c = Late(1, 15); // 6.25%
        Assert.True(p.IsUnitFlagged(c, "KH"));
        Assert.False(p.IsUnitFlagged(c, "HN"));
        Assert.False(p.IsUnitFlagged(c));
        Assert.Equal(0.10m, p.OfficerThresholdFor("KH"));
    }

    [Fact]
    public void Validate_RejectsOutOfRange() =>
        Assert.Throws<ArgumentException>(() => new ThresholdPolicy { OfficerLateRatio = 1.5m }.Validate());
}
