using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>A finite list of events (dataset load, probes), sent in order.</summary>
internal sealed class ListSource(IEnumerable<DossierEvent> events) : IEventSource
{
    private readonly IEnumerator<DossierEvent> _events = events.GetEnumerator();

    /// <inheritdoc />
    public bool TryNext(out PlannedEvent planned)
    {
        if (_events.MoveNext())
        {
            planned = new PlannedEvent(_events.Current, -1, Countable: false);
            return true;
        }

        planned = default;
        return false;
    }

    /// <inheritdoc />
    public void Complete(in PlannedEvent planned, EventResult result)
    {
    }
}
