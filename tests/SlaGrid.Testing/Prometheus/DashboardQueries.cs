using System.Text.Json;
using System.Text.RegularExpressions;

namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// Finds every PromQL expression in the dashboards (panel targets' <c>expr</c>, template variables' queries), turns
/// Grafana's <c>label_values()</c> into PromQL, and substitutes template variables with real values.
/// </summary>
public static partial class DashboardQueries
{
    /// <summary>Every expression of every dashboard under <c>dashboards/</c>.</summary>
    public static IReadOnlyList<DashboardQuery> Load()
    {
        var queries = new List<DashboardQuery>();
        foreach (var file in DashboardFiles.Dashboards)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetFileName(file);
            Walk(document.RootElement, "$", null, name, queries);
            if (document.RootElement.TryGetProperty("templating", out var templating))
            {
                foreach (var variable in templating.GetProperty("list").EnumerateArray())
                {
                    if (variable.GetProperty("type").GetString() != "query")
                    {
                        continue;
                    }

                    var query = variable.GetProperty("query");
                    var text = query.ValueKind == JsonValueKind.String ? query.GetString() : query.GetProperty("query").GetString();
                    queries.Add(new DashboardQuery(name, $"variable ${variable.GetProperty("name").GetString()}", text ?? string.Empty, IsVariable: true));
                }
            }
        }

        return queries;
    }

    /// <summary>
    /// A variable query as PromQL: <c>label_values(selector, label)</c> becomes <c>group by (label) (selector)</c>,
    /// <c>label_values(label)</c> becomes <c>group by (label) ({label!=""})</c>, <c>query_result(expr)</c> becomes <c>expr</c>.
    /// </summary>
    public static string VariableToPromQl(string query)
    {
        var trimmed = query.Trim();
        if (LabelValuesWithSelector().Match(trimmed) is { Success: true } withSelector)
        {
            return $"group by ({withSelector.Groups[2].Value}) ({withSelector.Groups[1].Value})";
        }

        if (LabelValuesOnly().Match(trimmed) is { Success: true } labelOnly)
        {
            var label = labelOnly.Groups[1].Value;
            return $"group by ({label}) ({{{label}!=\"\"}})";
        }

        if (QueryResult().Match(trimmed) is { Success: true } result)
        {
            return result.Groups[1].Value;
        }

        throw new InvalidOperationException($"Unsupported variable query: {query}");
    }

    /// <summary>Replaces <c>$name</c>, <c>${name}</c>, <c>${name:format}</c> and <c>[[name]]</c>; an unknown variable fails.</summary>
    public static string Substitute(string expression, IReadOnlyDictionary<string, string> values) =>
        Variable().Replace(expression, match =>
        {
            var name = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["c"].Value;
            return values.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"No value for template variable '{name}' in: {expression}");
        });

    /// <summary>Escapes a value for a regex matcher inside a PromQL string, as Grafana does for multi-value variables.</summary>
    public static string RegexValue(string value) =>
        RegexSpecial().Replace(value.Replace("\\", "\\\\\\\\", StringComparison.Ordinal), "\\\\$0");

    private static void Walk(JsonElement element, string path, string? title, string dashboard, List<DashboardQuery> queries)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    title = t.GetString();
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        queries.Add(new DashboardQuery(dashboard, $"{path} (panel '{title}')", property.Value.GetString() ?? string.Empty, IsVariable: false));
                    }
                    else if (property.Name != "templating")
                    {
                        Walk(property.Value, $"{path}.{property.Name}", title, dashboard, queries);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", title, dashboard, queries);
                }

                break;
        }
    }

    [GeneratedRegex(@"^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$", RegexOptions.Singleline)]
    private static partial Regex LabelValuesWithSelector();

    [GeneratedRegex(@"^label_values\(\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$")]
    private static partial Regex LabelValuesOnly();

    [GeneratedRegex(@"^query_result\((.+)\)$", RegexOptions.Singleline)]
    private static partial Regex QueryResult();

    [GeneratedRegex(@"\$\{(?<a>\w+)(?::[\w]+)?\}|\[\[(?<b>\w+)\]\]|\$(?<c>\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"[$^*{}\[\]'+?.()|]")]
    private static partial Regex RegexSpecial();
}
