namespace SlaGrid.Silo.Metrics;

/// <summary>Compares label sets by their tags, and looks them up by a <see cref="TagKey"/> without allocating.</summary>
internal sealed class LabelSetComparer : IEqualityComparer<LabelSet>, IAlternateEqualityComparer<TagKey, LabelSet>
{
    /// <summary>The one instance.</summary>
    public static readonly LabelSetComparer Instance = new();

    private LabelSetComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals(LabelSet? x, LabelSet? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && TagKey.TagsEqual(x.Tags, y.Tags));

    /// <inheritdoc />
    public int GetHashCode(LabelSet obj) => obj.Hash;

    /// <inheritdoc />
    public bool Equals(TagKey alternate, LabelSet other) =>
        alternate.Hash == other.Hash && TagKey.TagsEqual(alternate.Tags, other.Tags);

    /// <inheritdoc />
    public int GetHashCode(TagKey alternate) => alternate.Hash;

    /// <inheritdoc />
    public LabelSet Create(TagKey alternate) =>
        throw new NotSupportedException("Label sets are made by MetricFamily, which knows the metric's reserved labels.");
}
