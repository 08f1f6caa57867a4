using System.Text.Json;
using SlaGrid.Testing.Prometheus;

namespace SlaGrid.Silo.Tests.Metrics;

public sealed class DashboardFilesTests
{
    private static readonly string[] ExpectedUids = ["slagrid-alerts", "slagrid-health", "slagrid-national", "slagrid-province"];

    [Fact]
    public void Dashboards_HaveTheirStableUids_OnePerFile()
    {
        var uids = RepositoryPaths.DashboardFiles.Select(f =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(f));
            var uid = document.RootElement.GetProperty("uid").GetString();
            Assert.Equal(uid + ".json", Path.GetFileName(f));
            return uid;
        });

        Assert.Equal(ExpectedUids, uids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryDatasourceReference_IsTheProvisionedUid()
    {
        var provisioning = File.ReadAllText(Path.Combine(RepositoryPaths.Dashboards, "grafana", "provisioning", "datasources", "prometheus.yml"));
        Assert.Contains("uid: slagrid-prometheus", provisioning, StringComparison.Ordinal);
        foreach (var file in RepositoryPaths.DashboardFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var datasource in Find(document.RootElement, "datasource"))
            {
                if (datasource.ValueKind == JsonValueKind.Object && datasource.GetProperty("type").GetString() == "prometheus")
                {
                    Assert.Equal("slagrid-prometheus", datasource.GetProperty("uid").GetString());
                }
            }
        }
    }

    [Fact]
    public void EveryPanelWithData_HasAQuery_AndPanelIdsAreUnique()
    {
        foreach (var file in RepositoryPaths.DashboardFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var panels = document.RootElement.GetProperty("panels").EnumerateArray().ToList();
            Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
            foreach (var panel in panels.Where(p => p.GetProperty("type").GetString() != "row"))
            {
                var targets = panel.GetProperty("targets").EnumerateArray().ToList();
                Assert.NotEmpty(targets);
                Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString())));
            }
        }
    }

    [Fact]
    public void Queries_UseOnlyContractMetricsAndRecordingRules()
    {
        var rules = string.Join('\n', RepositoryPaths.RuleFiles.Select(File.ReadAllText));
        var recorded = System.Text.RegularExpressions.Regex.Matches(rules, @"record:\s*(\S+)").Select(m => m.Groups[1].Value).ToHashSet();
        var known = ContractMetrics.MetricNames
            .SelectMany(n => new[] { n, n + "_bucket", n + "_sum", n + "_count" })
            .Concat(recorded)
            .Concat(["up", "scrape_duration_seconds", "scrape_samples_scraped"])
            .ToHashSet();

        foreach (var query in DashboardQueries.Load())
        {
            var names = System.Text.RegularExpressions.Regex.Matches(query.Expression, @"\b(slagrid_[a-z_]+|[a-z]+:slagrid_[a-z_]+:[a-z]+|up|scrape_[a-z_]+)\b")
                .Select(m => m.Value);
            Assert.All(names, n => Assert.True(known.Contains(n), $"{query}: unknown metric {n}"));
        }
    }

    [Fact]
    public void ProvinceDashboard_DrillsDownFromProvinceToCommune_WithMultiSelectAndAll()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Dashboards, "grafana", "dashboards", "slagrid-province.json")));
        var variables = document.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();

        Assert.Equal(["province", "commune"], variables.Select(v => v.GetProperty("name").GetString()));
        Assert.All(variables, v =>
        {
            Assert.True(v.GetProperty("multi").GetBoolean());
            Assert.True(v.GetProperty("includeAll").GetBoolean());
            Assert.StartsWith("label_values(", v.GetProperty("definition").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("$province", variables[1].GetProperty("definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void VariableQueries_TranslateToPromQl()
    {
        Assert.Equal("group by (unit) (slagrid_dossiers_received_total{province=~\"$province\"})",
            DashboardQueries.VariableToPromQl("label_values(slagrid_dossiers_received_total{province=~\"$province\"}, unit)"));
        Assert.Equal("group by (kind) ({kind!=\"\"})", DashboardQueries.VariableToPromQl("label_values(kind)"));
        Assert.Equal("x{a=\"b\"} [01\\\\.0001] done",
            DashboardQueries.Substitute("x{a=\"$v\"} [${w}] [[z]]", new Dictionary<string, string> { ["v"] = "b", ["w"] = DashboardQueries.RegexValue("01.0001"), ["z"] = "done" }));
    }

    private static IEnumerable<JsonElement> Find(JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == property)
                {
                    yield return p.Value;
                }

                foreach (var nested in Find(p.Value, property))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Find(item, property))
                {
                    yield return nested;
                }
            }
        }
    }
}
