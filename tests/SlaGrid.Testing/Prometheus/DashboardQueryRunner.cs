namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// Runs every PromQL expression of the dashboards (<see cref="DashboardQueries.Load"/>) and every loaded recording
/// rule against a running <see cref="PrometheusServer"/>: an error or an empty result is a failure. Shared by the
/// exporter's test (synthetic metrics) and the live-silo test (a real silo's <c>/metrics</c>).
/// </summary>
public static class DashboardQueryRunner
{
    /// <summary>The values Grafana gives its built-in variables, sized for a 1-second scrape interval.</summary>
    public static IReadOnlyDictionary<string, string> BuiltInVariables { get; } = new Dictionary<string, string>
    {
        ["__rate_interval"] = "30s",
        ["__interval"] = "5s",
        ["__range"] = "5m",
        ["__range_s"] = "300",
    };

    /// <summary>
    /// Runs every dashboard expression with its template variables (<c>$province</c>, <c>$commune</c>,
    /// <c>$kind</c>) set three ways: one value, two values (a regex alternation) and All (<c>.*</c>). The values are
    /// read from Prometheus itself (the provinces whose <c>slagrid_dossiers_received_total</c> is above 0, the
    /// units of the first one likewise, the <c>kind</c>s of <c>slagrid_alerts_total</c>); fewer than two provinces, or no unit or kind,
    /// is a failure. Variable queries run as <c>group by (label) (selector)</c>.
    /// </summary>
    public static async Task<DashboardQueryReport> RunDashboardsAsync(PrometheusServer prometheus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var failures = new List<string>();
        // Values a user would pick: provinces and units that have received dossiers (a unit with none has, rightly,
        // no ratio).
        var provinces = await LabelsWithDataAsync(prometheus, "province", "slagrid_dossiers_received_total", cancellationToken);
        var units = provinces.Count == 0
            ? []
            : await LabelsWithDataAsync(prometheus, "unit", $"slagrid_dossiers_received_total{{province=\"{provinces[0]}\"}}", cancellationToken);
        var kinds = await prometheus.LabelValuesAsync("kind", "slagrid_alerts_total", cancellationToken);
        if (provinces.Count < 2 || units.Count == 0 || kinds.Count == 0)
        {
            failures.Add($"not enough label values to run the dashboards: {provinces.Count} provinces (need 2), {units.Count} units, {kinds.Count} alert kinds");
            return new DashboardQueryReport(0, 0, failures);
        }

        Dictionary<string, string> Variant(string province, string commune, string kind) =>
            new(BuiltInVariables) { ["province"] = province, ["commune"] = commune, ["kind"] = kind };
        static string Several(IEnumerable<string> values) => "(" + string.Join('|', values.Take(2).Select(DashboardQueries.RegexValue)) + ")";
        var variants = new Dictionary<string, Dictionary<string, string>>
        {
            ["one value"] = Variant(DashboardQueries.RegexValue(provinces[0]), DashboardQueries.RegexValue(units[0]), DashboardQueries.RegexValue(kinds[0])),
            ["several"] = Variant(Several(provinces), Several(units), Several(kinds)),
            ["All"] = Variant(".*", ".*", ".*"),
        };

        var queries = DashboardQueries.Load();
        var runs = 0;
        foreach (var query in queries)
        {
            var promQl = query.IsVariable ? DashboardQueries.VariableToPromQl(query.Expression) : query.Expression;
            foreach (var (variant, values) in variants)
            {
                var expression = DashboardQueries.Substitute(promQl, values);
                try
                {
                    var result = await prometheus.QueryAsync(expression, cancellationToken);
                    runs++;
                    if (result.SampleCount == 0)
                    {
                        failures.Add($"[{variant}] empty result: {query}\n    ran: {expression}");
                    }
                }
                catch (InvalidOperationException e)
                {
                    failures.Add($"[{variant}] {e.Message}\n    from: {query}");
                }
            }
        }

        return new DashboardQueryReport(queries.Count, runs, failures);
    }

    private static async Task<IReadOnlyList<string>> LabelsWithDataAsync(PrometheusServer prometheus, string label, string selector, CancellationToken cancellationToken)
    {
        var result = await prometheus.QueryAsync($"sum by ({label}) ({selector}) > 0", cancellationToken);
        return [.. result.Samples.Select(s => s.Label(label)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Checks every rule Prometheus loaded: health <c>ok</c>, and both its expression and its recorded series
    /// return data.
    /// </summary>
    public static async Task<DashboardQueryReport> RunRulesAsync(PrometheusServer prometheus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var rules = await prometheus.GetRulesAsync(cancellationToken);
        var failures = new List<string>();
        var runs = 0;
        foreach (var rule in rules)
        {
            if (rule.Health != "ok")
            {
                failures.Add($"{rule.Name}: health {rule.Health} {rule.LastError}");
            }

            foreach (var expression in new[] { rule.Query, rule.Name })
            {
                try
                {
                    runs++;
                    if ((await prometheus.QueryAsync(expression, cancellationToken)).SampleCount == 0)
                    {
                        failures.Add($"{rule.Name}: empty result for {expression}");
                    }
                }
                catch (InvalidOperationException e)
                {
                    failures.Add($"{rule.Name}: {e.Message}");
                }
            }
        }

        return new DashboardQueryReport(rules.Count, runs, failures);
    }
}
