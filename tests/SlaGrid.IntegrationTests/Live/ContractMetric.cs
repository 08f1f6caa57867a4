namespace SlaGrid.IntegrationTests.Live;

/// <summary>One metric of the DESIGN.md contract: its name, Prometheus type and label names (<c>le</c> aside).</summary>
public sealed record ContractMetric(string Name, string Type, params string[] Labels)
{
    /// <summary>Every contract metric.</summary>
    public static IReadOnlyList<ContractMetric> All { get; } =
    [
        new("slagrid_dossiers_open", "gauge", "province", "unit"),
        new("slagrid_dossiers_overdue", "gauge", "province", "unit"),
        new("slagrid_dossiers_due_soon", "gauge", "province", "unit"),
        new("slagrid_dossiers_paused", "gauge", "province", "unit"),
        new("slagrid_dossiers_received_total", "counter", "province", "unit"),
        new("slagrid_dossiers_finished_total", "counter", "outcome", "province", "unit"),
        new("slagrid_events_total", "counter", "result"),
        new("slagrid_alerts_total", "counter", "kind"),
        new("slagrid_ingest_seconds", "histogram"),
        new("slagrid_deadline_lag_seconds", "histogram"),
        new("slagrid_activations", "gauge", "grain"),
    ];

    /// <summary>The per-unit gauges and counters.</summary>
    public static IReadOnlyList<string> PerUnit { get; } =
        [.. All.Where(m => m.Labels.Contains("unit")).Select(m => m.Name)];

    /// <summary>The kinds of the escalation ladder (DOMAIN.md).</summary>
    public static IReadOnlyList<string> AlertKinds { get; } =
        ["due_soon", "overdue", "escalated", "reschedule_limit", "second_supplement", "unit_late_ratio", "officer_late_ratio"];

    /// <summary>The results of a posted event.</summary>
    public static IReadOnlyList<string> EventResults { get; } = ["accepted", "duplicate", "rejected"];

    /// <summary>Problems with <paramref name="scrape"/>: a missing family, a wrong type, wrong label names.</summary>
    public static IReadOnlyList<string> Check(MetricsText scrape)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var problems = new List<string>();
        foreach (var metric in All)
        {
            if (!scrape.Types.TryGetValue(metric.Name, out var type))
            {
                problems.Add($"{metric.Name}: missing");
                continue;
            }

            if (type != metric.Type)
            {
                problems.Add($"{metric.Name}: type {type}, expected {metric.Type}");
            }

            var series = metric.Type == "histogram"
                ? [.. scrape.Of(metric.Name + "_bucket"), .. scrape.Of(metric.Name + "_sum"), .. scrape.Of(metric.Name + "_count")]
                : scrape.Of(metric.Name).ToList();
            if (series.Count == 0)
            {
                problems.Add($"{metric.Name}: no series");
            }

            foreach (var (name, labels, _) in series)
            {
                var names = labels.Keys.Where(l => !(l == "le" && name.EndsWith("_bucket", StringComparison.Ordinal))).Order(StringComparer.Ordinal);
                if (!names.SequenceEqual(metric.Labels))
                {
                    problems.Add($"{name}: labels {string.Join(",", labels.Keys)}, expected {string.Join(",", metric.Labels)}");
                    break;
                }
            }
        }

        return problems;
    }
}
