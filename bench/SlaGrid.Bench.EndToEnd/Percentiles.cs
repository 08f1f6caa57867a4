namespace SlaGrid.Bench.EndToEnd;

/// <summary>Percentiles of a sample (nearest-rank on the sorted values).</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    /// <summary>How many values.</summary>
    public int Count => _sorted.Length;

    /// <summary>The sorted values.</summary>
    public IReadOnlyList<double> Sorted => _sorted;

    /// <summary>The <paramref name="p"/>-th percentile (0–100); NaN when empty.</summary>
    public double At(double p)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    /// <summary>The largest value; NaN when empty.</summary>
    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>The mean; NaN when empty.</summary>
    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();
}
