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
/// </summary>
public sealed class GridMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly ReferenceCatalog _catalog;
    private readonly ConcurrentDictionary<string, MeasureCounts> _own = new(StringComparer.Ordinal);
    private readonly Counter<long> _events;

    /// <summary>Creates the instruments.</summary>
    public GridMetrics(IMeterFactory meterFactory, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _catalog = catalog;
        _meter = meterFactory.Create("SlaGrid.Grains");
        _events = _meter.CreateCounter<long>("slagrid_events_total", description: "Posted events by result: accepted, duplicate, rejected.");
        _meter.CreateObservableGauge("slagrid_dossiers_open", () => PerUnit(v => v.Open), description: "Open dossiers of the unit itself (not its subtree).");
        _meter.CreateObservableGauge("slagrid_dossiers_overdue", () => PerUnit(v => v.Overdue), description: "Open, running dossiers past their due time.");
        _meter.CreateObservableGauge("slagrid_dossiers_due_soon", () => PerUnit(v => v.DueSoon), description: "Open, running dossiers within a working day of their due time.");
        _meter.CreateObservableGauge("slagrid_dossiers_paused", () => PerUnit(v => v.Paused), description: "Open dossiers whose clock is paused (supplement or fees).");
        _meter.CreateObservableCounter("slagrid_dossiers_received_total", () => PerUnit(v => v.Received), description: "Dossiers received by the unit itself.");
        _meter.CreateObservableCounter("slagrid_dossiers_finished_total", Finished, description: "Dossiers of the unit itself that ended, by outcome.");
    }

    /// <summary>Records the result of one posted event.</summary>
    public void OnEvent(string result) => _events.Add(1, new KeyValuePair<string, object?>("result", result));

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

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
