namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the first directory above the test binaries that holds <c>SlaGrid.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>dashboards/</c> folder.</summary>
    public static string Dashboards => Path.Combine(Root, "dashboards");

    /// <summary>The Grafana dashboards' JSON files.</summary>
    public static IReadOnlyList<string> DashboardFiles =>
        [.. Directory.EnumerateFiles(Dashboards, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The Prometheus rule files.</summary>
    public static IReadOnlyList<string> RuleFiles =>
        [.. Directory.EnumerateFiles(Path.Combine(Dashboards, "prometheus", "rules"), "*.yml").Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaGrid.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SlaGrid.slnx was not found above " + AppContext.BaseDirectory);
    }
}
