namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// What <see cref="DashboardQueryRunner"/> found: how many expressions it ran, and every failure (a Prometheus
/// error or an empty result), each naming the dashboard, the panel, the variant and the expression as run.
/// </summary>
public sealed record DashboardQueryReport(int Queries, int Runs, IReadOnlyList<string> Failures)
{
    /// <summary>The failures as one message for an assertion.</summary>
    public string Describe() => $"{Queries} queries, {Runs} runs, {Failures.Count} failures:\n" + string.Join('\n', Failures);
}
