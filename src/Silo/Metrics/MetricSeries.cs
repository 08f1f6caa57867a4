namespace SlaGrid.Silo.Metrics;

/// <summary>
/// One series' running value. Sums and last values are updated lock-free; a histogram's buckets, sum and
/// count change together under a lock, so that a scrape never sees a count without its bucket.
/// </summary>
internal sealed class MetricSeries
{
    private readonly double[]? _bounds;
    private readonly long[]? _buckets;
    private readonly Lock? _histogramGate;
    private long _valueBits;
    private double _sum;
    private long _count;

    /// <summary>A counter or gauge series.</summary>
    public MetricSeries(LabelSet labels)
    {
        Labels = labels;
    }

    /// <summary>A histogram series over ascending, finite <paramref name="bounds"/>.</summary>
    public MetricSeries(LabelSet labels, double[] bounds)
    {
        Labels = labels;
        _bounds = bounds;
        _buckets = new long[bounds.Length + 1];
        _histogramGate = new Lock();
    }

    /// <summary>The series' labels.</summary>
    public LabelSet Labels { get; }

    /// <summary>The scrape in which an observable instrument last reported this series.</summary>
    public long ObservedGeneration { get; set; }

    /// <summary>The current value of a counter or gauge.</summary>
    public double Value => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _valueBits));

    /// <summary>Adds to the value (atomic, and safe with NaN, which <c>==</c> cannot compare).</summary>
    public void Add(double delta)
    {
        long initial;
        long computed;
        do
        {
            initial = Interlocked.Read(ref _valueBits);
            computed = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(initial) + delta);
        }
        while (Interlocked.CompareExchange(ref _valueBits, computed, initial) != initial);
    }

    /// <summary>Replaces the value.</summary>
    public void Set(double value) => Interlocked.Exchange(ref _valueBits, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Counts a histogram observation into the first bucket whose bound is at least the value; NaN is ignored.</summary>
    public void Record(double value)
    {
        if (double.IsNaN(value) || _bounds is null)
        {
            return;
        }

        var index = Array.BinarySearch(_bounds, value);
        if (index < 0)
        {
            index = ~index;
        }

        lock (_histogramGate!)
        {
            _buckets![index]++;
            _sum += value;
            _count++;
        }
    }

    /// <summary>Copies the histogram's cumulative bucket counts (the last is <c>+Inf</c>), sum and count, consistently.</summary>
    public void SnapshotHistogram(Span<long> cumulative, out double sum, out long count)
    {
        lock (_histogramGate!)
        {
            long running = 0;
            for (var i = 0; i < _buckets!.Length; i++)
            {
                running += _buckets[i];
                cumulative[i] = running;
            }

            sum = _sum;
            count = _count;
        }
    }
}
