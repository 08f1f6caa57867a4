namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>The state of a <see cref="TallyGrain"/>: a total and who wrote it, in order.</summary>
public sealed class TallyState
{
    /// <summary>The sum of every add that was written.</summary>
    public int Total { get; set; }

    /// <summary>The writers of the adds that were written, oldest first.</summary>
    public List<string> Writers { get; set; } = [];
}
