using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace SlaGrid.Silo.Metrics;

/// <summary>
/// Every series of one metric name, fed by one or more instruments of the same shape (e.g. the same instrument
/// created by two <see cref="System.Diagnostics.Metrics.Meter"/> instances), written as one uninterrupted group.
/// </summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<LabelSet, MetricSeries> _series = new(LabelSetComparer.Instance);
    private readonly ConcurrentDictionary<LabelSet, MetricSeries>.AlternateLookup<TagKey> _lookup;
    private readonly Lock _addGate = new();
    private readonly ILogger _logger;
    private readonly int _maxSeries;
    private readonly byte[] _header;
    private readonly byte[] _name;
    private readonly byte[] _bucketName;
    private readonly byte[] _sumName;
    private readonly byte[] _countName;
    private readonly byte[][] _bucketSuffixes;
    private readonly MetricSeries? _emptyHistogram;
    private int _version;
    private int _sortedVersion = -1;
    private MetricSeries[] _sorted = [];
    private long _generation;
    private int _limitWarned;
    private int _labelsWarned;

    /// <summary>Makes an empty family; <paramref name="bounds"/> are the histogram's bucket bounds (empty otherwise).</summary>
    public MetricFamily(string name, string help, InstrumentShape shape, double[] bounds, int maxSeries, ILogger logger)
    {
        Name = name;
        Shape = shape;
        Bounds = bounds;
        _maxSeries = maxSeries;
        _logger = logger;
        _lookup = _series.GetAlternateLookup<TagKey>();
        _header = Encoding.UTF8.GetBytes($"# HELP {name} {PrometheusText.EscapeHelp(help)}\n# TYPE {name} {shape.TypeName}\n");
        _name = Encoding.UTF8.GetBytes(name);
        _bucketName = Encoding.UTF8.GetBytes(name + "_bucket");
        _sumName = Encoding.UTF8.GetBytes(name + "_sum");
        _countName = Encoding.UTF8.GetBytes(name + "_count");
        _bucketSuffixes = [.. bounds.Select(b => Encoding.UTF8.GetBytes(PrometheusText.FormatDouble(b) + "\"} ")), "+Inf\"} "u8.ToArray()];
        if (shape.Kind == MetricKind.Histogram && !shape.IsObservable)
        {
            _emptyHistogram = new MetricSeries(LabelSet.Create(TagKey.From([]), "le", out _), bounds);
        }
    }

    /// <summary>The metric name.</summary>
    public string Name { get; }

    /// <summary>Type, aggregation and whether it is polled.</summary>
    public InstrumentShape Shape { get; }

    /// <summary>The histogram's bucket bounds, ascending (empty for other kinds).</summary>
    public double[] Bounds { get; }

    /// <summary>How many published instruments feed this family (changed under the exporter's lock).</summary>
    public int InstrumentCount { get; set; }

    /// <summary>The number of series held.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>True when another instrument of this shape (and these bounds) may feed the family.</summary>
    public bool IsCompatible(InstrumentShape shape, double[] bounds) =>
        shape == Shape && bounds.AsSpan().SequenceEqual(Bounds);

    /// <summary>Applies one measurement to the series its tags name. Thread-safe.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = TagKey.From(tags);
        if (!_lookup.TryGetValue(key, out var series))
        {
            series = AddSeries(key);
            if (series is null)
            {
                return;
            }
        }

        switch (Shape.Aggregation)
        {
            case MetricAggregation.Sum:
                // A counter never goes down: a negative or NaN delta is a caller's bug and is ignored.
                if (Shape.Kind == MetricKind.Counter && !(value >= 0))
                {
                    return;
                }

                series.Add(value);
                break;
            case MetricAggregation.LastValue:
                series.Set(value);
                break;
            default:
                series.Record(value);
                break;
        }

        if (Shape.IsObservable)
        {
            series.ObservedGeneration = Volatile.Read(ref _generation);
        }
    }

    /// <summary>Starts a scrape: series an observable instrument does not report from now on are dropped.</summary>
    public void BeginCollect(long generation) => Volatile.Write(ref _generation, generation);

    /// <summary>
    /// Writes the family (HELP, TYPE, then every series) unless it has no series. A histogram that has recorded
    /// nothing yet is written as one empty series without labels (zero buckets, sum and count), as Prometheus'
    /// client libraries do, so that <c>rate()</c> and <c>histogram_quantile()</c> have a series from the first
    /// scrape; it gives way to the real series at the first measurement. Called under the scrape lock.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        var all = SortedSeries();
        var series = all;
        if (Shape.IsObservable)
        {
            series = DropUnobserved(all);
        }

        if (series.Length == 0)
        {
            if (_emptyHistogram is null)
            {
                return;
            }

            series = [_emptyHistogram];
        }

        PrometheusText.Write(writer, _header);
        if (Shape.Kind == MetricKind.Histogram)
        {
            WriteHistograms(writer, series);
            return;
        }

        foreach (var s in series)
        {
            PrometheusText.Write(writer, _name);
            PrometheusText.Write(writer, s.Labels.Rendered);
            PrometheusText.Write(writer, (byte)' ');
            PrometheusText.WriteDouble(writer, s.Value);
            PrometheusText.Write(writer, (byte)'\n');
        }
    }

    private void WriteHistograms(IBufferWriter<byte> writer, MetricSeries[] series)
    {
        var bucketCount = _bucketSuffixes.Length;
        var rented = bucketCount > 128 ? ArrayPool<long>.Shared.Rent(bucketCount) : null;
        var cumulative = rented is null ? stackalloc long[bucketCount] : rented.AsSpan(0, bucketCount);
        try
        {
            foreach (var s in series)
            {
                s.SnapshotHistogram(cumulative, out var sum, out var count);
                for (var i = 0; i < bucketCount; i++)
                {
                    PrometheusText.Write(writer, _bucketName);
                    PrometheusText.Write(writer, s.Labels.BucketPrefix);
                    PrometheusText.Write(writer, _bucketSuffixes[i]);
                    PrometheusText.WriteLong(writer, cumulative[i]);
                    PrometheusText.Write(writer, (byte)'\n');
                }

                PrometheusText.Write(writer, _sumName);
                PrometheusText.Write(writer, s.Labels.Rendered);
                PrometheusText.Write(writer, (byte)' ');
                PrometheusText.WriteDouble(writer, sum);
                PrometheusText.Write(writer, (byte)'\n');
                PrometheusText.Write(writer, _countName);
                PrometheusText.Write(writer, s.Labels.Rendered);
                PrometheusText.Write(writer, (byte)' ');
                PrometheusText.WriteLong(writer, count);
                PrometheusText.Write(writer, (byte)'\n');
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    private MetricSeries? AddSeries(TagKey key)
    {
        lock (_addGate)
        {
            if (_lookup.TryGetValue(key, out var existing))
            {
                return existing;
            }

            if (_series.Count >= _maxSeries)
            {
                if (Interlocked.Exchange(ref _limitWarned, 1) == 0)
                {
                    MetricsLog.SeriesLimitReached(_logger, Name, _maxSeries);
                }

                return null;
            }

            var labels = LabelSet.Create(key, Shape.Kind == MetricKind.Histogram ? "le" : null, out var problem);
            if (problem is not null && Interlocked.Exchange(ref _labelsWarned, 1) == 0)
            {
                MetricsLog.LabelsAdjusted(_logger, Name, problem);
            }

            var series = Shape.Kind == MetricKind.Histogram ? new MetricSeries(labels, Bounds) : new MetricSeries(labels);
            _series.TryAdd(labels, series);
            Interlocked.Increment(ref _version);
            return series;
        }
    }

    // Series are kept sorted by their labels so that output is stable; the order is recomputed only when the
    // set of series changed, so the steady state of thousands of per-unit series costs no sorting.
    private MetricSeries[] SortedSeries()
    {
        var version = Volatile.Read(ref _version);
        if (version != _sortedVersion)
        {
            var series = _series.Values.ToArray();
            Array.Sort(series, static (a, b) => a.Labels.Rendered.AsSpan().SequenceCompareTo(b.Labels.Rendered));
            _sorted = series;
            _sortedVersion = version;
        }

        return _sorted;
    }

    private MetricSeries[] DropUnobserved(MetricSeries[] all)
    {
        var generation = Volatile.Read(ref _generation);
        var stale = 0;
        foreach (var s in all)
        {
            if (s.ObservedGeneration != generation)
            {
                stale++;
            }
        }

        if (stale == 0)
        {
            return all;
        }

        var live = new MetricSeries[all.Length - stale];
        var next = 0;
        lock (_addGate)
        {
            foreach (var s in all)
            {
                if (s.ObservedGeneration == generation)
                {
                    live[next++] = s;
                }
                else
                {
                    _series.TryRemove(s.Labels, out _);
                }
            }

            Interlocked.Increment(ref _version);
        }

        return live;
    }
}
