using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// The sustained mixed workload over the open dossiers: new receipts, hand-overs to another officer, supplement
/// requests (which pause the clock) and their answers, and completions. A dossier has at most one event in flight
/// (it leaves the idle pool while its event is unanswered), so its events are applied in the order they were made.
/// Receipts and completions are "countable": each moves the nation's received + finished total by one.
/// </summary>
internal sealed class MixedSource : IEventSource
{
    private const byte Running = 1;
    private const byte Paused = 2;
    private const byte RunningSupplemented = 3;
    private const byte Finished = 4;

    private readonly EventFactory _events;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly List<long> _idle = [];
    private byte[] _state;
    private long _nextIndex;

    /// <summary>Takes over the open dossiers [0, <paramref name="openCount"/>) and numbers new ones from <paramref name="nextIndex"/>.</summary>
    public MixedSource(EventFactory events, TimeProvider time, int seed, long openCount, long nextIndex)
    {
        _events = events;
        _time = time;
        _random = new Random(seed);
        _nextIndex = nextIndex;
        _state = new byte[Math.Max(nextIndex * 2, 1024)];
        for (long i = 0; i < openCount; i++)
        {
            _state[i] = Running;
            _idle.Add(i);
        }
    }

    /// <summary>The share of events that receive a new dossier (default 0.35).</summary>
    public double NewShare { get; set; } = 0.35;

    /// <summary>The next dossier index a receipt will use.</summary>
    public long NextIndex
    {
        get
        {
            lock (_gate)
            {
                return _nextIndex;
            }
        }
    }

    /// <summary>Open dossiers not waiting for an answer.</summary>
    public int IdleOpen
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <inheritdoc />
    public bool TryNext(out PlannedEvent planned)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_idle.Count == 0 || _random.NextDouble() < NewShare)
            {
                var index = _nextIndex++;
                Ensure(index);
                _state[index] = Running;
                planned = new PlannedEvent(_events.Received(index, now, Dataset.DrawProcedure(_random)), index, Countable: true);
                return true;
            }

            var slot = _random.Next(_idle.Count);
            var dossier = _idle[slot];
            _idle[slot] = _idle[^1];
            _idle.RemoveAt(_idle.Count - 1);
            var state = _state[dossier];
            if (state == Paused)
            {
                planned = new PlannedEvent(_events.Simple(dossier, EventTypes.SupplementReceived, now), dossier, Countable: false);
                return true;
            }

            var x = _random.NextDouble();
            planned = x switch
            {
                < 0.45 => new PlannedEvent(_events.Simple(dossier, EventTypes.Processed, now), dossier, Countable: true),
                < 0.80 => new PlannedEvent(_events.Assigned(dossier, now, 1 + _random.Next(7)), dossier, Countable: false),
                _ when state == Running => new PlannedEvent(_events.Simple(dossier, EventTypes.SupplementRequested, now), dossier, Countable: false),
                _ => new PlannedEvent(_events.Assigned(dossier, now, 1 + _random.Next(7)), dossier, Countable: false),
            };
            return true;
        }
    }

    /// <inheritdoc />
    public void Complete(in PlannedEvent planned, EventResult result)
    {
        var index = planned.DossierIndex;
        lock (_gate)
        {
            if (result.Succeeded)
            {
                _state[index] = planned.Event.Type switch
                {
                    EventTypes.Processed => Finished,
                    EventTypes.SupplementRequested => Paused,
                    EventTypes.SupplementReceived => RunningSupplemented,
                    _ => _state[index],
                };
            }
            else if (planned.Event.Type == EventTypes.Received)
            {
                _state[index] = Finished; // Never received: leave it out of the pool.
            }

            if (_state[index] is Running or Paused or RunningSupplemented)
            {
                _idle.Add(index);
            }
        }
    }

    private void Ensure(long index)
    {
        if (index >= _state.Length)
        {
            Array.Resize(ref _state, (int)Math.Max(index + 1, _state.Length * 2L));
        }
    }
}
