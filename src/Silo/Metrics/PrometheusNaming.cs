using System.Text;

namespace SlaGrid.Silo.Metrics;

/// <summary>Prometheus naming rules for metric and label names.</summary>
internal static class PrometheusNaming
{
    /// <summary>The suffixes a histogram writes itself; a histogram's own name must not end in one.</summary>
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count", "_total"];

    /// <summary>
    /// Checks an instrument name against its kind. Returns null when it is valid, else the reason.
    /// Names match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>: colons are legal in Prometheus but reserved for recording rules.
    /// </summary>
    public static string? Validate(string name, MetricKind kind)
    {
        if (!IsIdentifier(name))
        {
            return "a Prometheus metric name matches [a-zA-Z_][a-zA-Z0-9_]* (colons are reserved for recording rules)";
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return "names starting with '__' are reserved by Prometheus";
        }

        return kind switch
        {
            MetricKind.Counter when !name.EndsWith("_total", StringComparison.Ordinal) => "a counter's name must end in '_total'",
            MetricKind.Gauge when name.EndsWith("_total", StringComparison.Ordinal) => "only counters end in '_total'",
            MetricKind.Histogram when HistogramSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) =>
                "a histogram's name must not end in _bucket, _sum, _count or _total",
            _ => null,
        };
    }

    /// <summary>True when <paramref name="name"/> is a valid label name (and not reserved with <c>__</c>).</summary>
    public static bool IsValidLabelName(string name) =>
        IsIdentifier(name) && !name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Makes a tag key a valid label name: invalid characters become '_', a leading digit or '__' gets a prefix.</summary>
    public static string SanitizeLabelName(string name)
    {
        if (IsValidLabelName(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]) || (builder.Length > 1 && builder[0] == '_' && builder[1] == '_'))
        {
            builder.Insert(0, "tag_");
        }

        return builder.ToString();
    }

    private static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
