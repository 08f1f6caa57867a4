using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>Everything one run measured; filled phase by phase, written by <see cref="ReportWriter"/>.</summary>
internal sealed class BenchReport
{
    public required BenchProfile Profile { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; set; }

    public MachineInfo Machine { get; set; } = new();

    public string PostgresMode { get; set; } = "";

    public List<string> Notes { get; } = [];

    public List<(string Phase, CpuShare Cpu, string LoadAverage)> Phases { get; } = [];

    // Dataset.
    public int Units { get; set; }

    public int Officers { get; set; }

    public TimeSpan ReferenceLoad { get; set; }

    public LoadResult? DatasetLoad { get; set; }

    public UnitStats? LoadedStats { get; set; }

    // Start and memory.
    public TimeSpan FirstStart { get; set; }

    public TimeSpan RestartReferenceOnly { get; set; }

    public long? RssEmpty { get; set; }

    public long? RssReference { get; set; }

    public long? RssActive { get; set; }

    public long OpenAtActive { get; set; }

    public long? RssIdle { get; set; }

    public long OpenAtIdle { get; set; }

    // Ingestion.
    public LoadResult? Saturation { get; set; }

    public CpuPerThousand SaturationCpu { get; set; }

    public List<BaselineResult> Baselines { get; } = [];

    // Live totals.
    public double PacedTarget { get; set; }

    public double PacedRate { get; set; }

    public LoadResult? Paced { get; set; }

    public CpuPerThousand PacedCpu { get; set; }

    public Percentiles? EventToNationMs { get; set; }

    public int EventToNationMissing { get; set; }

    public int NationStatsEvents { get; set; }

    // Deadlines.
    public DeadlineResult? SpreadDeadlines { get; set; }

    public DeadlineResult? BurstDeadlines { get; set; }

    public TimeSpan BurstIngest { get; set; }

    // Incumbent.
    public List<IncumbentResult> Incumbent { get; } = [];

    public UnitStats? StatsAtIncumbent { get; set; }

    // Restart.
    public TimeSpan RestartToReady { get; set; }

    public TimeSpan Downtime { get; set; }

    public DeadlineResult? RestartDeadlines { get; set; }

    public Percentiles? FiredAfterReadyMs { get; set; }

    public UnitStats? StatsBeforeKill { get; set; }

    public UnitStats? StatsAfterRestart { get; set; }

    public string? BootstrapLine { get; set; }

    public long DossierRows { get; set; }

    public long EventRows { get; set; }
}
