using System.Diagnostics.Metrics;
using SlaGrid.Runtime.Core;

namespace SlaGrid.Runtime.Diagnostics;

/// <summary>
/// The runtime's metrics, on the meter <see cref="MeterName"/>: <c>slagrid_activations{grain}</c> (gauge) and
/// <c>slagrid_deadline_lag_seconds</c> (histogram, seconds late against the due instant).
/// </summary>
public sealed class RuntimeInstruments : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SlaGrid.Runtime";

    /// <summary>The activation gauge's name (tag <c>grain</c>: the grain type name).</summary>
    public const string ActivationsName = "slagrid_activations";

    /// <summary>The deadline lag histogram's name (unit: seconds).</summary>
    public const string DeadlineLagName = "slagrid_deadline_lag_seconds";

    private static readonly double[] LagBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _lag;
    private GrainRuntime? _runtime;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or an own meter when null).</summary>
    public RuntimeInstruments(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _lag = _meter.CreateHistogram(
            DeadlineLagName,
            unit: "s",
            description: "How late a durable deadline fired after its due instant.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        _meter.CreateObservableGauge(
            ActivationsName,
            ObserveActivations,
            unit: "{activation}",
            description: "Active grain activations, by grain type.");
    }

    /// <summary>The meter the instruments are on (for listeners that must tell runtimes apart).</summary>
    public Meter Meter => _meter;

    /// <summary>Records that a deadline's handler started <paramref name="lag"/> after its due instant (negative lag counts as 0).</summary>
    public void OnDeadlineFired(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void Attach(GrainRuntime runtime) => _runtime = runtime;

    private IEnumerable<Measurement<long>> ObserveActivations()
    {
        if (_runtime is not { } runtime)
        {
            yield break;
        }

        foreach (var grainClass in runtime.Registry.Classes)
        {
            yield return new Measurement<long>(grainClass.LiveCount, new KeyValuePair<string, object?>("grain", grainClass.Name));
        }
    }
}
