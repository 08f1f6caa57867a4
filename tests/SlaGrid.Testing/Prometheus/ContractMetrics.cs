using System.Diagnostics.Metrics;

namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// Instruments with exactly the contract's metric names (DESIGN.md, "Metrics"), fed with deterministic synthetic
/// values, for exporter tests and for running Prometheus and the dashboards' queries without a silo.
/// Meters: <c>{prefix}Grains</c> (per-unit gauges and counters, alerts), <c>{prefix}Ingest</c> (events, ingest
/// latency), <c>{prefix}Runtime</c> (activations, deadline lag). Per-unit gauges are <see cref="ObservableGauge{T}"/>s
/// and per-unit counters <see cref="ObservableCounter{T}"/>s whose callbacks yield one measurement per unit with
/// tags <c>unit</c> and <c>province</c>, the way the grains report them.
/// Give tests a meter prefix of their own so that exporters of parallel tests do not see each other's meters.
/// </summary>
public sealed class ContractMetrics : IDisposable
{
    /// <summary>Finish outcomes (label <c>outcome</c>).</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["early", "on_time", "late"];

    /// <summary>Alert kinds (label <c>kind</c>), from the escalation ladder.</summary>
    public static readonly IReadOnlyList<string> AlertKinds =
        ["due_soon", "overdue", "escalated", "reschedule_limit", "second_supplement", "unit_late_ratio", "officer_late_ratio"];

    /// <summary>Ingest results (label <c>result</c>).</summary>
    public static readonly IReadOnlyList<string> EventResults = ["accepted", "duplicate", "rejected"];

    /// <summary>Grain types (label <c>grain</c>).</summary>
    public static readonly IReadOnlyList<string> GrainTypes = ["dossier", "officer", "unit"];

    /// <summary>The per-unit gauges (labels <c>unit</c>, <c>province</c>).</summary>
    public static readonly IReadOnlyList<string> PerUnitGauges =
        ["slagrid_dossiers_open", "slagrid_dossiers_overdue", "slagrid_dossiers_due_soon", "slagrid_dossiers_paused"];

    /// <summary>Every contract metric name.</summary>
    public static readonly IReadOnlyList<string> MetricNames =
    [
        .. PerUnitGauges, "slagrid_dossiers_received_total", "slagrid_dossiers_finished_total", "slagrid_events_total",
        "slagrid_alerts_total", "slagrid_ingest_seconds", "slagrid_deadline_lag_seconds", "slagrid_activations",
    ];

    /// <summary>The bucket bounds <c>slagrid_deadline_lag_seconds</c> advises (ingest latency advises none).</summary>
    public static readonly IReadOnlyList<double> DeadlineLagBuckets = [0.001, 0.01, 0.1, 0.5, 1, 5, 30, 60, 300];

    // The 34 provinces and cities since 1 July 2025.
    private static readonly string[] ProvinceNames =
    [
        "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
        "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh",
        "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ];

    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Meter _grains;
    private readonly Meter _ingest;
    private readonly Meter _runtime;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _ingestSeconds;
    private readonly Histogram<double> _deadlineLag;
    private readonly UpDownCounter<long> _activations;
    private readonly SyntheticUnit[] _units;
    private readonly KeyValuePair<string, object?>[][] _unitTags;
    private readonly KeyValuePair<string, object?>[][][] _finishedTags;

    /// <summary>
    /// Makes <paramref name="units"/> units spread round-robin over <paramref name="provinces"/> provinces (at most 34),
    /// with seeded counts, and records some activity of every kind, outcome, result and grain.
    /// </summary>
    public ContractMetrics(string meterPrefix = "SlaGrid.", int provinces = 2, int units = 6, int seed = 20250701)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(provinces, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(provinces, ProvinceNames.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, provinces);
        MeterPrefix = meterPrefix;
        _random = new Random(seed);
        _units = new SyntheticUnit[units];
        _unitTags = new KeyValuePair<string, object?>[units][];
        _finishedTags = new KeyValuePair<string, object?>[units][][];
        for (var i = 0; i < units; i++)
        {
            var p = i % provinces;
            var unit = $"{p + 1:00}.{(i / provinces) + 1:0000}";
            _units[i] = NewUnit(unit, ProvinceNames[p]);
            _unitTags[i] = [new("unit", unit), new("province", ProvinceNames[p])];
            _finishedTags[i] = [.. Outcomes.Select(o => new KeyValuePair<string, object?>[] { new("outcome", o), new("province", ProvinceNames[p]), new("unit", unit) })];
        }

        _grains = new Meter(meterPrefix + "Grains");
        _ingest = new Meter(meterPrefix + "Ingest");
        _runtime = new Meter(meterPrefix + "Runtime");
        _grains.CreateObservableGauge("slagrid_dossiers_open", () => PerUnit(u => u.Open), description: "Open dossiers of the unit (not its subtree).");
        _grains.CreateObservableGauge("slagrid_dossiers_overdue", () => PerUnit(u => u.Overdue), description: "Open, running dossiers of the unit past their due time.");
        _grains.CreateObservableGauge("slagrid_dossiers_due_soon", () => PerUnit(u => u.DueSoon), description: "Open, running dossiers of the unit within one working day of their due time.");
        _grains.CreateObservableGauge("slagrid_dossiers_paused", () => PerUnit(u => u.Paused), description: "Open dossiers of the unit whose clock is paused.");
        _grains.CreateObservableCounter("slagrid_dossiers_received_total", () => PerUnit(u => u.Received), description: "Dossiers received by the unit, all time.");
        _grains.CreateObservableCounter("slagrid_dossiers_finished_total", Finished, description: "Dossiers of the unit whose processing ended, by outcome (early, on_time, late).");
        _alerts = _grains.CreateCounter<long>("slagrid_alerts_total", description: "Escalation alerts raised, by kind.");
        _events = _ingest.CreateCounter<long>("slagrid_events_total", description: "Status events ingested, by result (accepted, duplicate, rejected).");
        _ingestSeconds = _ingest.CreateHistogram<double>("slagrid_ingest_seconds", unit: "s", description: "Commit latency of an ingested batch, in seconds.");
        _deadlineLag = _runtime.CreateHistogram<double>("slagrid_deadline_lag_seconds", unit: "s",
            description: "How late a durable deadline fired after its due instant, in seconds.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [.. DeadlineLagBuckets] });
        _activations = _runtime.CreateUpDownCounter<long>("slagrid_activations", description: "Live grain activations, by grain type.");

        foreach (var grain in GrainTypes)
        {
            _activations.Add(10 + _random.Next(100), new KeyValuePair<string, object?>("grain", grain));
        }

        foreach (var kind in AlertKinds)
        {
            _alerts.Add(1 + _random.Next(5), new KeyValuePair<string, object?>("kind", kind));
        }

        foreach (var result in EventResults)
        {
            _events.Add(1 + _random.Next(50), new KeyValuePair<string, object?>("result", result));
        }

        for (var i = 0; i < 20; i++)
        {
            RecordLatencies();
        }
    }

    /// <summary>The prefix of the three meters' names.</summary>
    public string MeterPrefix { get; }

    /// <summary>The provinces that have units, in order.</summary>
    public IReadOnlyList<string> Provinces => [.. Units.Select(u => u.Province).Distinct()];

    /// <summary>A snapshot of every unit's counts.</summary>
    public IReadOnlyList<SyntheticUnit> Units
    {
        get
        {
            lock (_gate)
            {
                return [.. _units];
            }
        }
    }

    /// <summary>
    /// Moves the synthetic grid on: dossiers arrive and finish (every outcome in turn), overdue and due-soon counts
    /// change, events and alerts are counted and latencies observed. Thread-safe.
    /// </summary>
    public void RecordActivity(int rounds = 1)
    {
        for (var round = 0; round < rounds; round++)
        {
            lock (_gate)
            {
                for (var k = 0; k < Math.Max(1, _units.Length / 4); k++)
                {
                    var i = _random.Next(_units.Length);
                    var u = _units[i];
                    u = u with { Received = u.Received + 1, Open = u.Open + 1 };
                    if (u.Open > u.Overdue + u.DueSoon + u.Paused)
                    {
                        u = ((round + k) % 3) switch
                        {
                            0 => u with { Open = u.Open - 1, FinishedEarly = u.FinishedEarly + 1 },
                            1 => u with { Open = u.Open - 1, FinishedOnTime = u.FinishedOnTime + 1 },
                            _ => u with { Open = u.Open - 1, FinishedLate = u.FinishedLate + 1 },
                        };
                    }

                    var free = u.Open - u.Overdue - u.DueSoon - u.Paused;
                    _units[i] = free > 0 && _random.Next(2) == 0 ? u with { Overdue = u.Overdue + 1 } : u with { DueSoon = Math.Max(0, u.DueSoon - 1) };
                }
            }

            _events.Add(1 + _random.Next(10), new KeyValuePair<string, object?>("result", EventResults[round % EventResults.Count]));
            _alerts.Add(1, new KeyValuePair<string, object?>("kind", AlertKinds[_random.Next(AlertKinds.Count)]));
            RecordLatencies();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _grains.Dispose();
        _ingest.Dispose();
        _runtime.Dispose();
    }

    private SyntheticUnit NewUnit(string unit, string province)
    {
        var early = _random.Next(10, 200);
        var onTime = _random.Next(5, 100);
        var late = _random.Next(0, 12);
        var open = _random.Next(10, 80);
        var overdue = _random.Next(0, open / 4);
        var dueSoon = _random.Next(0, open / 4);
        var paused = _random.Next(0, open / 4);
        return new SyntheticUnit(unit, province, early + onTime + late + open, open, overdue, dueSoon, paused, early, onTime, late);
    }

    private void RecordLatencies()
    {
        _ingestSeconds.Record(0.0004 + (_random.NextDouble() * 0.05));
        _deadlineLag.Record(_random.NextDouble() * 2);
    }

    private List<Measurement<long>> PerUnit(Func<SyntheticUnit, long> value)
    {
        lock (_gate)
        {
            var measurements = new List<Measurement<long>>(_units.Length);
            for (var i = 0; i < _units.Length; i++)
            {
                measurements.Add(new Measurement<long>(value(_units[i]), _unitTags[i]));
            }

            return measurements;
        }
    }

    private List<Measurement<long>> Finished()
    {
        lock (_gate)
        {
            var measurements = new List<Measurement<long>>(_units.Length * Outcomes.Count);
            for (var i = 0; i < _units.Length; i++)
            {
                for (var o = 0; o < Outcomes.Count; o++)
                {
                    measurements.Add(new Measurement<long>(_units[i].Finished(Outcomes[o]), _finishedTags[i][o]));
                }
            }

            return measurements;
        }
    }
}
