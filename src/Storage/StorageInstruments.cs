using System.Diagnostics.Metrics;

namespace SlaGrid.Storage;

/// <summary>
/// The storage's metrics, on the meter <see cref="MeterName"/>: <c>slagrid_ingest_seconds</c>, the latency of a
/// dossier commit from the moment it is handed to the <see cref="GroupCommitter"/> until it is durable.
/// </summary>
public sealed class StorageInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SlaGrid.Storage";

    /// <summary>The commit-latency histogram's name (contract).</summary>
    public const string IngestSecondsName = "slagrid_ingest_seconds";

    private static readonly double[] LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _ingestSeconds;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of their own when null.</summary>
    public StorageInstruments(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _ingestSeconds = _meter.CreateHistogram(
            IngestSecondsName,
            unit: "s",
            description: "Commit latency of ingested changes, from enqueue to durable.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter => _meter;

    /// <summary>Records that a commit became durable <paramref name="latency"/> after it was enqueued.</summary>
    public void OnCommitDurable(TimeSpan latency) => _ingestSeconds.Record(Math.Max(0, latency.TotalSeconds));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
