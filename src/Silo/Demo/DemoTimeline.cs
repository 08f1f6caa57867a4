using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// Merges the scenario's stories into one stream ordered by event time. Stories are written lazily, as simulated
/// time reaches their arrival, and only while fewer than a bound of events wait (bounded memory); events leave as
/// simulated time reaches them. Stories that arrive before <paramref name="liveFrom"/> (the replayed history) are
/// kept only if <paramref name="admitHistory"/> says so. Not thread-safe (the feeder owns it).
/// </summary>
internal sealed class DemoTimeline(DemoScenario scenario, int maxPending, DateTimeOffset liveFrom, Func<DemoStory, bool>? admitHistory = null)
{
    private readonly PriorityQueue<DossierEvent, (DateTimeOffset At, long Order)> _pending = new();
    private readonly Dictionary<DemoFate, long> _fates = [];
    private long _order;

    /// <summary>How many events wait for their time.</summary>
    public int Pending => _pending.Count;

    /// <summary>How many dossiers have arrived so far.</summary>
    public long Dossiers => scenario.Written;

    /// <summary>How many stories of the history were left out.</summary>
    public long HistoryLeftOut { get; private set; }

    /// <summary>How many dossiers were written for each ending (left-out ones included).</summary>
    public IReadOnlyDictionary<DemoFate, long> Fates => _fates;

    /// <summary>The time of the next event or arrival.</summary>
    public DateTimeOffset NextAt =>
        _pending.TryPeek(out _, out var key) && key.At < scenario.NextArrivalAt ? key.At : scenario.NextArrivalAt;

    /// <summary>Up to <paramref name="max"/> events due at <paramref name="now"/> or before, in time order.</summary>
    public List<DossierEvent> TakeDue(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var batch = new List<DossierEvent>(Math.Min(max, 1024));
        while (batch.Count < max)
        {
            // Arrivals are written before any event at or after their time leaves, so a dossier's events all go
            // out in order, after its receipt.
            while (scenario.NextArrivalAt <= now && _pending.Count < maxPending
                && (!_pending.TryPeek(out _, out var head) || scenario.NextArrivalAt <= head.At))
            {
                var story = scenario.Next();
                _fates[story.Fate] = _fates.GetValueOrDefault(story.Fate) + 1;
                if (admitHistory is not null && story.Events[0].At < liveFrom && !admitHistory(story))
                {
                    HistoryLeftOut++;
                    continue;
                }

                foreach (var e in story.Events)
                {
                    _pending.Enqueue(e, (e.At, _order++));
                }
            }

            if (!_pending.TryPeek(out _, out var next) || next.At > now)
            {
                break;
            }

            batch.Add(_pending.Dequeue());
        }

        return batch;
    }
}
