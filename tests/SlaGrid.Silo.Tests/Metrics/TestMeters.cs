using System.Diagnostics.Metrics;
using SlaGrid.Silo.Metrics;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>Meters and exporters private to one test, so that parallel tests never see each other's instruments.</summary>
internal static class TestMeters
{
    /// <summary>A meter-name prefix no other test uses (and that the production prefix <c>SlaGrid.</c> does not match).</summary>
    public static string UniquePrefix() => $"SlaGridTest.{Guid.NewGuid():N}.";

    /// <summary>An exporter of the meters whose name starts with <paramref name="prefix"/>.</summary>
    public static PrometheusExporter Exporter(string prefix, ListLogger<PrometheusExporter>? logger = null, MetricsOptions? options = null) =>
        new(m => m.Name.StartsWith(prefix, StringComparison.Ordinal), options ?? new MetricsOptions(), logger ?? new ListLogger<PrometheusExporter>());

    /// <summary>A tag.</summary>
    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    /// <summary>A fresh meter named with <paramref name="prefix"/>.</summary>
    public static Meter Meter(string prefix, string name = "Test") => new(prefix + name);
}
