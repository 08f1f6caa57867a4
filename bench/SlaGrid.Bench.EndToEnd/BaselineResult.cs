namespace SlaGrid.Bench.EndToEnd;

/// <summary>A plain-INSERT baseline run.</summary>
/// <param name="Variant">How the rows were written.</param>
/// <param name="Rows">Rows committed.</param>
/// <param name="RowsPerSecond">Rows per second.</param>
/// <param name="BatchCommitMs">Per-batch latency (begin → durable commit), ms.</param>
/// <param name="PostgresCpuMsPer1000">PostgreSQL CPU per 1,000 rows (ms), when the server is local.</param>
internal sealed record BaselineResult(string Variant, long Rows, double RowsPerSecond, Percentiles BatchCommitMs, double? PostgresCpuMsPer1000);
