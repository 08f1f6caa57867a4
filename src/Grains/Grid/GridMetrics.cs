using SlaGrid.Grains.Measures;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SlaGrid.Grains.Reference;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// The grid's contract metrics on the meter <c>SlaGrid.Grains</c>: per unit (its own dossiers, labels
/// <c>unit</c> and <c>province</c>) the gauges <c>slagrid_dossiers_open|overdue|due_soon|paused</c> and the counters
/// <c>slagrid_dossiers_received_total</c> and <c>slagrid_dossiers_finished_total{outcome}</c>; grid-wide
/// <c>slagrid_events_total{result}</c>. Never a dossier or officer id as a label.
/// Every series exists from the start at 0 (every unit of the catalogue; every event result), so that a dashboard
/// shows 0 rather than no data and <c>rate()</c> sees the first increment; and since every instrument is polled,
/// nothing is lost when the exporter starts listening after this type was created.
/// </summary>
public sealed class GridMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly ReferenceCatalog _catalog;
    private readonly ConcurrentDictionary<string, MeasureCounts> _own = new(StringComparer.Ordinal);
    private static readonly string[] EventResults = ["accepted", "duplicate", "rejected"];
    private readonly long[] _events = new long[EventResults.Length];
    private readonly ConcurrentDictionary<string, long> _otherEvents = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments.</summary>
    public GridMetrics(IMeterFactory meterFactory, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _catalog = catalog;
        _meter = meterFactory.Create("SlaGrid.Grains");
        _meter.CreateObservableCounter("slagrid_events_total", Events, description: "Posted events by result: accepted, duplicate, rejected.");
        _meter.CreateObservableGauge("slagrid_dossiers_open", () => PerUnit(v => v.Open), description: "Open dossiers of the unit itself (not its subtree).");
        _meter.CreateObservableGauge("slagrid_dossiers_overdue", () => PerUnit(v => v.Overdue), description: "Open, running dossiers past their due time.");
        _meter.CreateObservableGauge("slagrid_dossiers_due_soon", () => PerUnit(v => v.DueSoon), description: "Open, running dossiers within a working day of their due time.");
        _meter.CreateObservableGauge("slagrid_dossiers_paused", () => PerUnit(v => v.Paused), description: "Open dossiers whose clock is paused (supplement or fees).");
        _meter.CreateObservableCounter("slagrid_dossiers_received_total", () => PerUnit(v => v.Received), description: "Dossiers received by the unit itself.");
        _meter.CreateObservableCounter("slagrid_dossiers_finished_total", Finished, description: "Dossiers of the unit itself that ended, by outcome.");
    }

    /// <summary>Records the result of one posted event.</summary>
    public void OnEvent(string result)
    {
        var index = Array.IndexOf(EventResults, result);
        if (index >= 0)
        {
            Interlocked.Increment(ref _events[index]);
        }
        else
        {
            _otherEvents.AddOrUpdate(result, 1, static (_, n) => n + 1);
        }
    }

    /// <summary>Sets a unit's own all-time counts.</summary>
    public void SetUnitOwn(string unitId, MeasureCounts totals) => _own[unitId] = totals;

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> PerUnit(Func<MeasureCounts, long> value)
    {
        var tree = _catalog.Units;
        foreach (var unit in tree.Units)
        {
            var counts = _own.GetValueOrDefault(unit.Id);
            yield return new Measurement<long>(value(counts), Tag("unit", unit.Id), Tag("province", tree.ProvinceOf(unit.Id)));
        }
    }

    private IEnumerable<Measurement<long>> Finished()
    {
        var tree = _catalog.Units;
        foreach (var unit in tree.Units)
        {
            var counts = _own.GetValueOrDefault(unit.Id);
            var province = tree.ProvinceOf(unit.Id);
            yield return new Measurement<long>(counts.FinishedEarly, Tag("unit", unit.Id), Tag("province", province), Tag("outcome", "early"));
            yield return new Measurement<long>(counts.FinishedOnTime, Tag("unit", unit.Id), Tag("province", province), Tag("outcome", "on_time"));
            yield return new Measurement<long>(counts.FinishedLate, Tag("unit", unit.Id), Tag("province", province), Tag("outcome", "late"));
        }
    }

    private IEnumerable<Measurement<long>> Events()
    {
        for (var i = 0; i < EventResults.Length; i++)
        {
            yield return new Measurement<long>(Volatile.Read(ref _events[i]), Tag("result", EventResults[i]));
        }

        foreach (var (result, count) in _otherEvents)
        {
            yield return new Measurement<long>(count, Tag("result", result));
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
