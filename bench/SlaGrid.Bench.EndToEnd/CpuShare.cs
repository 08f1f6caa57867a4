namespace SlaGrid.Bench.EndToEnd;

/// <summary>Average cores used over a phase: by the silo, PostgreSQL, the harness, the whole machine, and everything else on it.</summary>
internal readonly record struct CpuShare(double Seconds, double? Silo, double? Postgres, double? Harness, double? Machine, double? Others);
