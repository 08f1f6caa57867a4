using SlaGrid.Testing.Browser;

namespace SlaGrid.Testing.Prometheus;

/// <summary>The repository's <c>dashboards/</c> folder: Grafana dashboards and Prometheus rule files.</summary>
public static class DashboardFiles
{
    /// <summary>The <c>dashboards/</c> folder (a failure when the tests do not run from a checkout).</summary>
    public static string Directory => RepositoryLayout.RequireDirectory("dashboards");

    /// <summary>Every Grafana dashboard (<c>dashboards/**/*.json</c>), sorted.</summary>
    public static IReadOnlyList<string> Dashboards =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The Prometheus rule files (<c>dashboards/prometheus/rules/*.yml</c>), sorted.</summary>
    public static IReadOnlyList<string> RuleFiles =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "prometheus", "rules"), "*.yml").Order(StringComparer.Ordinal)];
}
