using SlaGrid.Grains.Measures;

namespace SlaGrid.Grains.Tests.Measures;

public sealed class KpiGradesTests
{
    [Theory]
    [InlineData(100, KpiGrade.Excellent)]
    [InlineData(90, KpiGrade.Excellent)]
    [InlineData(89.99, KpiGrade.Good)]
    [InlineData(70, KpiGrade.Good)]
    [InlineData(69.99, KpiGrade.Complete)]
    [InlineData(50, KpiGrade.Complete)]
    [InlineData(49.99, KpiGrade.NotComplete)]
    [InlineData(0, KpiGrade.NotComplete)]
    public void Bands_OfDecree335(double score, KpiGrade grade) => Assert.Equal(grade, KpiGrades.FromScore(score));

    [Fact]
    public void FromRatio_HasNoFloatingPointEdgeErrors()
    {
        Assert.Equal(KpiGrade.Good, KpiGrades.FromRatio(0.7));
        Assert.Equal(KpiGrade.Excellent, KpiGrades.FromRatio(0.9));
        Assert.Equal(KpiGrade.Complete, KpiGrades.FromRatio(0.5));
        Assert.Equal("not_complete", KpiGrade.NotComplete.ToApiString());
    }
}
