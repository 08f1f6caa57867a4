using System.Text;

namespace SlaGrid.Silo.Metrics;

/// <summary>
/// One series' identity: the measurement's tags (sorted, as recorded) and their rendering as Prometheus labels,
/// made once when the series is first seen so that a scrape only copies bytes.
/// </summary>
internal sealed class LabelSet
{
    private LabelSet(KeyValuePair<string, object?>[] tags, int hash, byte[] rendered, byte[] bucketPrefix)
    {
        Tags = tags;
        Hash = hash;
        Rendered = rendered;
        BucketPrefix = bucketPrefix;
    }

    /// <summary>The tags as recorded, sorted by key: the series' key.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>The hash of <see cref="Tags"/> (see <see cref="TagKey.ComputeHash"/>).</summary>
    public int Hash { get; }

    /// <summary>The labels as written after the metric name: empty, or <c>{a="x",b="y"}</c>.</summary>
    public byte[] Rendered { get; }

    /// <summary>The labels of a bucket line up to the <c>le</c> value: <c>{a="x",le="</c> or <c>{le="</c>.</summary>
    public byte[] BucketPrefix { get; }

    /// <summary>
    /// Renders <paramref name="key"/>'s tags as labels: names sanitized, sorted, values escaped; a repeated name
    /// keeps its first value; <paramref name="reservedLabel"/> (<c>le</c> for histograms) is dropped.
    /// <paramref name="problem"/> describes what had to be changed, or is null.
    /// </summary>
    public static LabelSet Create(TagKey key, string? reservedLabel, out string? problem)
    {
        problem = null;
        var labels = new List<KeyValuePair<string, string>>(key.Tags.Length);
        foreach (var tag in key.Tags)
        {
            var name = PrometheusNaming.SanitizeLabelName(tag.Key ?? string.Empty);
            if (!string.Equals(name, tag.Key, StringComparison.Ordinal))
            {
                problem ??= $"tag '{tag.Key}' is not a valid label name; exported as '{name}'";
            }

            if (string.Equals(name, reservedLabel, StringComparison.Ordinal))
            {
                problem ??= $"tag '{tag.Key}' is reserved in this metric type and was dropped";
                continue;
            }

            if (labels.Exists(l => string.Equals(l.Key, name, StringComparison.Ordinal)))
            {
                problem ??= $"label '{name}' was given twice; the first value is kept";
                continue;
            }

            labels.Add(new(name, PrometheusText.EscapeLabelValue(PrometheusText.FormatTagValue(tag.Value))));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var body = new StringBuilder();
        foreach (var label in labels)
        {
            if (body.Length > 0)
            {
                body.Append(',');
            }

            body.Append(label.Key).Append("=\"").Append(label.Value).Append('"');
        }

        var rendered = labels.Count == 0 ? [] : Encoding.UTF8.GetBytes("{" + body + "}");
        var bucketPrefix = Encoding.UTF8.GetBytes(labels.Count == 0 ? "{le=\"" : "{" + body + ",le=\"");
        return new LabelSet(key.Tags.ToArray(), key.Hash, rendered, bucketPrefix);
    }
}
