namespace SlaGrid.Silo.Metrics;

/// <summary>The Prometheus type of an exported metric family.</summary>
internal enum MetricKind
{
    /// <summary>A monotonic total; the name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Cumulative buckets with <c>le</c>, plus <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,
}
