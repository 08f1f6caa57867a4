namespace SlaGrid.Grains.Measures;

/// <summary>The grade bands of Decree 335/2025/NĐ-CP: ≥90 excellent, 70–&lt;90 good, 50–&lt;70 complete, &lt;50 not complete.</summary>
public static class KpiGrades
{
    /// <summary>The grade of a score in points out of 100 (bounds inclusive at the bottom of each band).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is NaN.</exception>
    public static KpiGrade FromScore(double score)
    {
        if (double.IsNaN(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), "The score is not a number.");
        }

        return score >= 90 ? KpiGrade.Excellent : score >= 70 ? KpiGrade.Good : score >= 50 ? KpiGrade.Complete : KpiGrade.NotComplete;
    }

    /// <summary>The grade of a ratio in [0, 1] (e.g. an on-time ratio), as score = ratio × 100 (rounded to 9 decimals so 0.7 is exactly 70).</summary>
    public static KpiGrade FromRatio(double ratio) => FromScore(Math.Round(ratio * 100, 9));

    /// <summary>API-style string: <c>excellent</c>, <c>good</c>, <c>complete</c>, <c>not_complete</c>.</summary>
    public static string ToApiString(this KpiGrade grade) => grade switch
    {
        KpiGrade.Excellent => "excellent",
        KpiGrade.Good => "good",
        KpiGrade.Complete => "complete",
        KpiGrade.NotComplete => "not_complete",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    };
}
