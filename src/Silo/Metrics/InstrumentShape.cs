using System.Diagnostics.Metrics;

namespace SlaGrid.Silo.Metrics;

/// <summary>What an instrument becomes in Prometheus: its type, how it aggregates, and whether it is polled.</summary>
internal readonly record struct InstrumentShape(MetricKind Kind, MetricAggregation Aggregation, bool IsObservable)
{
    /// <summary>The Prometheus type name written after <c># TYPE</c>.</summary>
    public string TypeName => Kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        _ => "histogram",
    };

    /// <summary>Maps a <see cref="System.Diagnostics.Metrics"/> instrument to its shape; false for an unknown kind.</summary>
    public static bool TryClassify(Instrument instrument, out InstrumentShape shape)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (definition == typeof(Counter<>))
        {
            shape = new(MetricKind.Counter, MetricAggregation.Sum, false);
        }
        else if (definition == typeof(ObservableCounter<>))
        {
            shape = new(MetricKind.Counter, MetricAggregation.LastValue, true);
        }
        else if (definition == typeof(UpDownCounter<>))
        {
            shape = new(MetricKind.Gauge, MetricAggregation.Sum, false);
        }
        else if (definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>))
        {
            shape = new(MetricKind.Gauge, MetricAggregation.LastValue, true);
        }
        else if (definition == typeof(Gauge<>))
        {
            shape = new(MetricKind.Gauge, MetricAggregation.LastValue, false);
        }
        else if (definition == typeof(Histogram<>))
        {
            shape = new(MetricKind.Histogram, MetricAggregation.Histogram, false);
        }
        else
        {
            shape = default;
            return false;
        }

        return true;
    }
}
