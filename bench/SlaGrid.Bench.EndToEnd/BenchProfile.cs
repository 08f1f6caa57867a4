namespace SlaGrid.Bench.EndToEnd;

/// <summary>The sizes and durations of one run.</summary>
public sealed record BenchProfile
{
    /// <summary>smoke: a CI-sized run (1–2 minutes), numbers meaningless.</summary>
    public static readonly BenchProfile Smoke = new()
    {
        Name = "smoke",
        Provinces = 2,
        Communes = 50,
        Officers = 500,
        OpenDossiers = 5_000,
        FinishedDossiers = 2_000,
        SaturationSeconds = 6,
        PacedRate = 500,
        PacedSeconds = 6,
        SpreadProbes = 30,
        BurstSize = 200,
        RestartProbes = 50,
        BaselineSeconds = 3,
        IncumbentRuns = 5,
    };

    /// <summary>standard: the real tree (34 provinces, 3,321 communes), a tenth of the nation's open dossiers.</summary>
    public static readonly BenchProfile Standard = new()
    {
        Name = "standard",
        Provinces = 34,
        Communes = 3_321,
        Officers = 25_000,
        OpenDossiers = 100_000,
        FinishedDossiers = 50_000,
        SaturationSeconds = 30,
        PacedRate = 5_000,
        PacedSeconds = 30,
        SpreadProbes = 300,
        BurstSize = 10_000,
        RestartProbes = 1_000,
        BaselineSeconds = 15,
        IncumbentRuns = 10,
    };

    /// <summary>national: 34 provinces, 3,321 communes, 250,000 officers, 1,000,000 open dossiers.</summary>
    public static readonly BenchProfile National = new()
    {
        Name = "national",
        Provinces = 34,
        Communes = 3_321,
        Officers = 250_000,
        OpenDossiers = 1_000_000,
        FinishedDossiers = 1_000_000,
        SaturationSeconds = 60,
        PacedRate = 5_000,
        PacedSeconds = 60,
        SpreadProbes = 600,
        BurstSize = 10_000,
        RestartProbes = 2_000,
        BaselineSeconds = 30,
        IncumbentRuns = 10,
    };

    /// <summary>The profile's name.</summary>
    /// <summary>
    /// Issue #4's restart figure: the national tree with a million open dossiers loaded through the API, then only the
    /// incumbent's query, memory and the kill -9 restart (no mixed load, burst or insert baselines).
    /// </summary>
    public static readonly BenchProfile Restart = new()
    {
        Name = "restart",
        Provinces = 34,
        Communes = 3_321,
        Officers = 25_000,
        OpenDossiers = 1_000_000,
        FinishedDossiers = 0,
        SaturationSeconds = 0,
        PacedRate = 0,
        PacedSeconds = 0,
        SpreadProbes = 0,
        BurstSize = 0,
        RestartProbes = 1_000,
        BaselineSeconds = 0,
        IncumbentRuns = 5,
        RestartOnly = true,
    };

    /// <summary>Only the dataset, the incumbent's query, memory and the restart (see <see cref="Restart"/>).</summary>
    public bool RestartOnly { get; init; }

    public required string Name { get; init; }

    /// <summary>Provinces under the nation.</summary>
    public required int Provinces { get; init; }

    /// <summary>Communes, spread over the provinces.</summary>
    public required int Communes { get; init; }

    /// <summary>Officers, spread over the communes.</summary>
    public required int Officers { get; init; }

    /// <summary>Open dossiers loaded before the measurements.</summary>
    public required int OpenDossiers { get; init; }

    /// <summary>Finished dossiers (received and processed in the past year) loaded before the measurements.</summary>
    public required int FinishedDossiers { get; init; }

    /// <summary>How long the saturating mixed load runs.</summary>
    public required int SaturationSeconds { get; init; }

    /// <summary>The paced load's target rate (events/s) for the event-to-nation latency.</summary>
    public required int PacedRate { get; init; }

    /// <summary>How long the paced load runs.</summary>
    public required int PacedSeconds { get; init; }

    /// <summary>Dossiers due at spread instants during the paced load (deadline lag under load).</summary>
    public required int SpreadProbes { get; init; }

    /// <summary>Dossiers due in the same second (deadline lag of a burst).</summary>
    public required int BurstSize { get; init; }

    /// <summary>Dossiers due while the silo is down (fired after the restart).</summary>
    public required int RestartProbes { get; init; }

    /// <summary>How long the plain-INSERT baseline runs.</summary>
    public required int BaselineSeconds { get; init; }

    /// <summary>Timed runs of the incumbent's GROUP BY query per variant.</summary>
    public required int IncumbentRuns { get; init; }

    /// <summary>The profile with this name.</summary>
    public static BenchProfile Named(string name) => name switch
    {
        "smoke" => Smoke,
        "standard" => Standard,
        "national" => National,
        "restart" => Restart,
        _ => throw new ArgumentException($"Unknown profile '{name}': smoke, standard, national or restart."),
    };
}
