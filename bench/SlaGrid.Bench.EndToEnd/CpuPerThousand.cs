namespace SlaGrid.Bench.EndToEnd;

/// <summary>CPU milliseconds per 1,000 events, by process.</summary>
internal readonly record struct CpuPerThousand(double? SiloMs, double? PostgresMs, double? HarnessMs);
