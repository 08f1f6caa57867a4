namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// CPU seconds used so far by the silo, the PostgreSQL cluster (when local), the harness itself and the whole machine
/// (busy time from <c>/proc/stat</c>), with the instant they were read.
/// </summary>
internal readonly record struct CpuSnapshot(long At, double? Silo, double? Postgres, double Harness, double? Machine)
{
    /// <summary>Takes a snapshot.</summary>
    public static CpuSnapshot Take(TimeProvider time, int siloPid, int? postmasterPid) => new(
        time.GetTimestamp(),
        ProcStats.CpuSeconds(siloPid),
        postmasterPid is { } pg ? ProcStats.ClusterCpuSeconds(pg) : null,
        Environment.CpuUsage.TotalTime.TotalSeconds,
        ProcStats.MachineBusySeconds());

    /// <summary>CPU ms per 1,000 events between two snapshots.</summary>
    public static CpuPerThousand Per1000(CpuSnapshot before, CpuSnapshot after, long events) => events <= 0
        ? new CpuPerThousand(null, null, null)
        : new CpuPerThousand(
            Delta(before.Silo, after.Silo) / events * 1_000_000,
            Delta(before.Postgres, after.Postgres) / events * 1_000_000,
            (after.Harness - before.Harness) / events * 1_000_000);

    /// <summary>Cores used on average between two snapshots, by whom.</summary>
    public static CpuShare Share(CpuSnapshot before, CpuSnapshot after, TimeProvider time)
    {
        var seconds = time.GetElapsedTime(before.At, after.At).TotalSeconds;
        double? Cores(double? a, double? b) => Delta(a, b) is { } d && seconds > 0 ? d / seconds : null;
        var silo = Cores(before.Silo, after.Silo);
        var pg = Cores(before.Postgres, after.Postgres);
        var harness = Cores(before.Harness, after.Harness);
        var machine = Cores(before.Machine, after.Machine);
        return new CpuShare(seconds, silo, pg, harness, machine, machine - ((silo ?? 0) + (pg ?? 0) + (harness ?? 0)));
    }

    private static double? Delta(double? a, double? b) => a is { } x && b is { } y ? y - x : null;
}
