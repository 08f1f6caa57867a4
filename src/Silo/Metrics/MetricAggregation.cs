namespace SlaGrid.Silo.Metrics;

/// <summary>How a measurement changes a series.</summary>
internal enum MetricAggregation
{
    /// <summary>Added to the series (<c>Counter&lt;T&gt;</c>, <c>UpDownCounter&lt;T&gt;</c>).</summary>
    Sum,

    /// <summary>Replaces the series' value (gauges, and observable instruments, which report totals).</summary>
    LastValue,

    /// <summary>Counted into buckets, sum and count.</summary>
    Histogram,
}
