namespace SlaGrid.Bench.EndToEnd.Plot;

/// <summary>One latency distribution to plot.</summary>
internal sealed record ChartSeries(string Label, Percentiles Values, Rgb Color);
