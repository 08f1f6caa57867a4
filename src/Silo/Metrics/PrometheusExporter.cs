using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;

namespace SlaGrid.Silo.Metrics;

/// <summary>
/// Exports <see cref="System.Diagnostics.Metrics"/> instruments in the Prometheus text format 0.0.4. It listens
/// (with a <see cref="MeterListener"/>) to every meter that passes its filter, by default those whose name
/// starts with <see cref="MetricsOptions.MeterPrefix"/>; instrument names are already Prometheus names and are
/// validated (an invalid one is skipped with a warning). Counters become <c>counter</c> (names end in
/// <c>_total</c>), up-down counters and gauges <c>gauge</c>, histograms cumulative <c>histogram</c>s.
/// Synchronous instruments aggregate as they record (thread-safe); observable ones are polled at each scrape.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the exposition: Prometheus text format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Histogram bucket bounds, in seconds, for instruments that advise none: 0.5 ms to 10 s.</summary>
    public static readonly IReadOnlyList<double> DefaultBucketBoundaries =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Func<Meter, bool> _meterFilter;
    private readonly int _maxSeries;
    private readonly ILogger<PrometheusExporter> _logger;
    private readonly MeterListener _listener;
    private readonly Lock _familiesGate = new();
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrapeGate = new();
    private MetricFamily[] _ordered = [];
    private long _generation;
    private int _lastSize = 16 * 1024;
    private bool _disposed;

    /// <summary>Exports the meters whose name starts with <see cref="MetricsOptions.MeterPrefix"/>.</summary>
    public PrometheusExporter(MetricsOptions options, ILogger<PrometheusExporter> logger)
        : this(MeterPrefixFilter(options, null), options, logger)
    {
    }

    /// <summary>
    /// Exports the meters whose name starts with <see cref="MetricsOptions.MeterPrefix"/> and that are this host's:
    /// created by <paramref name="hostMeterFactory"/>, or by no factory at all. A listener sees every meter of the
    /// process, so without this a process that runs several hosts (the test suites do) would export, and merge, the
    /// series of another host's meter of the same name.
    /// </summary>
    public PrometheusExporter(MetricsOptions options, IMeterFactory? hostMeterFactory, ILogger<PrometheusExporter> logger)
        : this(MeterPrefixFilter(options, hostMeterFactory), options, logger)
    {
    }

    /// <summary>Exports the meters <paramref name="meterFilter"/> accepts (e.g. one test's own meters).</summary>
    public PrometheusExporter(Func<Meter, bool> meterFilter, MetricsOptions options, ILogger<PrometheusExporter> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFilter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _meterFilter = meterFilter;
        _maxSeries = options.MaxSeriesPerMetric;
        _logger = logger;
        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = OnMeasurementsCompleted,
        };
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>The names of the metric families currently exported, sorted.</summary>
    public IReadOnlyList<string> MetricNames => [.. Volatile.Read(ref _ordered).Select(f => f.Name)];

    /// <summary>
    /// Polls the observable instruments and writes every family, sorted by name, as UTF-8 text format 0.0.4.
    /// Scrapes are serialized; recording goes on meanwhile.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_scrapeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = ++_generation;
            var families = Volatile.Read(ref _ordered);
            foreach (var family in families)
            {
                if (family.Shape.IsObservable)
                {
                    family.BeginCollect(generation);
                }
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (Exception e)
            {
                MetricsLog.ObservableCallbackFailed(_logger, e);
            }

            foreach (var family in Volatile.Read(ref _ordered))
            {
                family.WriteTo(destination);
            }
        }
    }

    /// <summary>Writes a scrape to <paramref name="destination"/>.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = Render();
        await destination.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    /// <summary>A scrape as a string (tests, diagnostics).</summary>
    public string ScrapeText()
    {
        using var buffer = Render();
        return Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_scrapeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _listener.Dispose();
    }

    /// <summary>Renders a scrape into a pooled buffer sized from the previous scrape; the caller disposes it.</summary>
    internal PooledBufferWriter Render()
    {
        var buffer = new PooledBufferWriter(Volatile.Read(ref _lastSize) + 4096);
        try
        {
            WriteTo(buffer);
            Volatile.Write(ref _lastSize, buffer.WrittenCount);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static Func<Meter, bool> MeterPrefixFilter(MetricsOptions options, IMeterFactory? hostMeterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.MeterPrefix;
        return meter => meter.Name.StartsWith(prefix, StringComparison.Ordinal)
            && (hostMeterFactory is null || meter.Scope is null || ReferenceEquals(meter.Scope, hostMeterFactory));
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_meterFilter(instrument.Meter))
        {
            return;
        }

        if (!InstrumentShape.TryClassify(instrument, out var shape))
        {
            MetricsLog.InstrumentSkipped(_logger, instrument.Name, instrument.Meter.Name, $"instruments of type {instrument.GetType().Name} are not supported");
            return;
        }

        if (PrometheusNaming.Validate(instrument.Name, shape.Kind) is { } reason)
        {
            MetricsLog.InstrumentSkipped(_logger, instrument.Name, instrument.Meter.Name, reason);
            return;
        }

        var bounds = shape.Kind == MetricKind.Histogram ? BucketBoundaries(instrument) : [];
        MetricFamily? family;
        lock (_familiesGate)
        {
            if (_disposed)
            {
                return;
            }

            if (_families.TryGetValue(instrument.Name, out family))
            {
                if (!family.IsCompatible(shape, bounds))
                {
                    MetricsLog.InstrumentSkipped(_logger, instrument.Name, instrument.Meter.Name,
                        $"an instrument of that name is already exported as a {family.Shape.TypeName} of another kind or with other buckets");
                    return;
                }
            }
            else
            {
                var help = string.IsNullOrWhiteSpace(instrument.Description)
                    ? $"{instrument.Name} ({instrument.Meter.Name})"
                    : instrument.Description;
                family = new MetricFamily(instrument.Name, help, shape, bounds, _maxSeries, _logger);
                _families.Add(instrument.Name, family);
                PublishOrder();
            }

            family.InstrumentCount++;
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state)
    {
        if (state is not MetricFamily family)
        {
            return;
        }

        lock (_familiesGate)
        {
            family.InstrumentCount--;
            if (family.InstrumentCount <= 0 && _families.Remove(family.Name))
            {
                PublishOrder();
            }
        }
    }

    // Called under _familiesGate: scrapes read the published array without locking.
    private void PublishOrder() =>
        Volatile.Write(ref _ordered, [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)]);

    private double[] BucketBoundaries(Instrument instrument)
    {
        IEnumerable<double>? advised = instrument switch
        {
            Instrument<double> d => d.Advice?.HistogramBucketBoundaries,
            Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Instrument<short> s => s.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
            Instrument<byte> b => b.Advice?.HistogramBucketBoundaries?.Select(v => (double)v),
            Instrument<decimal> m => m.Advice?.HistogramBucketBoundaries?.Select(v => (double)v),
            _ => null,
        };
        if (advised is null)
        {
            return [.. DefaultBucketBoundaries];
        }

        var bounds = advised.ToArray();
        var valid = bounds.Length > 0 && bounds.All(double.IsFinite);
        for (var i = 1; valid && i < bounds.Length; i++)
        {
            valid = bounds[i] > bounds[i - 1];
        }

        if (!valid)
        {
            MetricsLog.InvalidBucketBoundaries(_logger, instrument.Name);
            return [.. DefaultBucketBoundaries];
        }

        return bounds;
    }
}
