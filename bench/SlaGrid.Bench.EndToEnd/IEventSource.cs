using SlaGrid.Client;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>Where the load driver takes its events from.</summary>
internal interface IEventSource
{
    /// <summary>The next event to send, or false when the source is exhausted (or has nothing ready).</summary>
    bool TryNext(out PlannedEvent planned);

    /// <summary>Called once per event with its outcome.</summary>
    void Complete(in PlannedEvent planned, EventResult result);
}
