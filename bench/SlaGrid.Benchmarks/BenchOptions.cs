namespace SlaGrid.Benchmarks;

/// <summary>Command-line options shared by the suites.</summary>
/// <param name="Quick">Run every benchmark tiny (a CI smoke test: checks that it runs, measures nothing).</param>
/// <param name="Only">Run only the benchmark of this name (<c>--only NAME</c>), or all when null.</param>
public sealed record BenchOptions(bool Quick, string? Only)
{
    public static BenchOptions Parse(string[] args)
    {
        var only = Array.FindIndex(args, a => a.Equals("--only", StringComparison.OrdinalIgnoreCase));
        return new(args.Contains("--quick", StringComparer.OrdinalIgnoreCase), only >= 0 && only + 1 < args.Length ? args[only + 1] : null);
    }

    public bool Runs(string name) => Only is null || Only.Equals(name, StringComparison.OrdinalIgnoreCase);
}
