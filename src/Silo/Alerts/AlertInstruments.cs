using System.Diagnostics.Metrics;

namespace SlaGrid.Silo.Alerts;

/// <summary>Alert metrics: <c>slagrid_alerts_total{kind}</c>, counted when an alert is raised.</summary>
public sealed class AlertInstruments : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _raised;

    /// <summary>Creates the instruments on the meter <c>SlaGrid.Alerts</c>.</summary>
    public AlertInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create("SlaGrid.Alerts");
        _raised = _meter.CreateCounter<long>("slagrid_alerts_total", unit: null, description: "Escalation alerts raised, by kind.");
    }

    /// <summary>An alert of <paramref name="kind"/> was raised.</summary>
    public void OnAlertRaised(string kind) => _raised.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
