namespace SlaGrid.Benchmarks;

/// <summary>Command-line options shared by the suites.</summary>
/// <param name="Quick">Run every benchmark tiny (a CI smoke test: checks that it runs, measures nothing).</param>
public sealed record BenchOptions(bool Quick)
{
    public static BenchOptions Parse(string[] args) => new(args.Contains("--quick", StringComparer.OrdinalIgnoreCase));
}
