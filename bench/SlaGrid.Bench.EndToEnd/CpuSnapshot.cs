namespace SlaGrid.Bench.EndToEnd;

/// <summary>CPU seconds used so far by the silo, the PostgreSQL cluster (when local) and the harness itself.</summary>
internal readonly record struct CpuSnapshot(double? Silo, double? Postgres, double Harness)
{
    /// <summary>Takes a snapshot.</summary>
    public static CpuSnapshot Take(int siloPid, int? postmasterPid) => new(
        ProcStats.CpuSeconds(siloPid),
        postmasterPid is { } pg ? ProcStats.ClusterCpuSeconds(pg) : null,
        Environment.CpuUsage.TotalTime.TotalSeconds);

    /// <summary>CPU ms per 1,000 events between two snapshots.</summary>
    public static CpuPerThousand Per1000(CpuSnapshot before, CpuSnapshot after, long events) => events <= 0
        ? new CpuPerThousand(null, null, null)
        : new CpuPerThousand(
            before.Silo is { } s0 && after.Silo is { } s1 ? (s1 - s0) / events * 1_000_000 : null,
            before.Postgres is { } p0 && after.Postgres is { } p1 ? (p1 - p0) / events * 1_000_000 : null,
            (after.Harness - before.Harness) / events * 1_000_000);
}
