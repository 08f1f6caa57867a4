using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SlaGrid.Grains.Grid;

namespace SlaGrid.Silo.Alerts;

/// <summary>
/// Alert metrics: <c>slagrid_alerts_total{kind}</c>, counted when an alert is raised. Every kind of the escalation
/// ladder is reported from the start at 0, so that a dashboard shows 0 rather than no data and <c>rate()</c> sees
/// the first alert of a kind; the counter is polled, so nothing is lost when the exporter starts listening after
/// this type was created.
/// </summary>
public sealed class AlertInstruments : IDisposable
{
    private static readonly string[] Kinds =
    [
        AlertKindNames.DueSoon, AlertKindNames.Overdue, AlertKindNames.Escalated, AlertKindNames.RescheduleLimit,
        AlertKindNames.SecondSupplement, AlertKindNames.UnitLateRatio, AlertKindNames.OfficerLateRatio,
    ];

    private readonly Meter _meter;
    private readonly long[] _raised = new long[Kinds.Length];
    private readonly ConcurrentDictionary<string, long> _other = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on the meter <c>SlaGrid.Alerts</c>.</summary>
    public AlertInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create("SlaGrid.Alerts");
        _meter.CreateObservableCounter("slagrid_alerts_total", Observe, unit: null, description: "Escalation alerts raised, by kind.");
    }

    /// <summary>An alert of <paramref name="kind"/> was raised.</summary>
    public void OnAlertRaised(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var index = Array.IndexOf(Kinds, kind);
        if (index >= 0)
        {
            Interlocked.Increment(ref _raised[index]);
        }
        else
        {
            _other.AddOrUpdate(kind, 1, static (_, n) => n + 1);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < Kinds.Length; i++)
        {
            yield return new Measurement<long>(Volatile.Read(ref _raised[i]), new KeyValuePair<string, object?>("kind", Kinds[i]));
        }

        foreach (var (kind, count) in _other)
        {
            yield return new Measurement<long>(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }
}
