using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SlaGrid.Grains.Live;

/// <summary>
/// In-process fan-out of live changes to subscribers (SSE connections), per unit. Publishing never blocks: each
/// subscriber has a bounded queue; when a slow subscriber's queue is full its oldest message is dropped (the next
/// stats message supersedes it anyway; a dropped alert is recorded, see <see cref="Subscription.TakeDroppedAlerts"/>,
/// so that the subscriber re-reads it from the outbox).
/// </summary>
public sealed class LiveHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>How many subscriptions are open (all units).</summary>
    public int SubscriberCount => _subscribers.Values.Sum(s => s.Count);

    /// <summary>Whether anyone watches <paramref name="unitId"/> (publishers may skip work when not).</summary>
    public bool HasSubscribers(string unitId) => _subscribers.TryGetValue(unitId, out var set) && !set.IsEmpty;

    /// <summary>Subscribes to a unit; dispose the subscription to stop.</summary>
    public Subscription Subscribe(string unitId, int capacity = 256)
    {
        var subscription = new Subscription(this, unitId, capacity);
        _subscribers.GetOrAdd(unitId, _ => new ConcurrentDictionary<Subscription, byte>())[subscription] = 0;
        return subscription;
    }

    /// <summary>Delivers a message to the unit's subscribers.</summary>
    public void Publish(LiveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_subscribers.TryGetValue(message.UnitId, out var set))
        {
            return;
        }

        foreach (var subscription in set.Keys)
        {
            subscription.Writer.TryWrite(message);
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.UnitId, out var set))
        {
            set.TryRemove(subscription, out _);
        }
    }

    /// <summary>One subscriber's queue.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly LiveHub _hub;
        private readonly Channel<LiveMessage> _channel;
        private readonly ConcurrentQueue<long> _droppedAlerts = new();
        private readonly Lock _gate = new();
        private TaskCompletionSource _dropped = NewSignal();

        internal Subscription(LiveHub hub, string unitId, int capacity)
        {
            _hub = hub;
            UnitId = unitId;
            _channel = Channel.CreateBounded<LiveMessage>(
                new BoundedChannelOptions(capacity)
                {
                    FullMode = BoundedChannelFullMode.DropOldest,
                    SingleReader = true,
                    SingleWriter = false,
                },
                OnDropped);
        }

        /// <summary>The watched unit.</summary>
        public string UnitId { get; }

        /// <summary>Completes when an alert was dropped from the full queue since the last <see cref="TakeDroppedAlerts"/>.</summary>
        public Task AlertDropped
        {
            get
            {
                lock (_gate)
                {
                    return _dropped.Task;
                }
            }
        }

        /// <summary>
        /// The outbox sequences of the alerts dropped from the full queue since the last call, in order (and forgets
        /// them): the reader must read them back from the outbox, or they are lost to this subscriber. The drop is
        /// reported after the queue moved on, so a dropped alert can be older than messages already read.
        /// </summary>
        public IReadOnlyList<long> TakeDroppedAlerts()
        {
            lock (_gate)
            {
                // A fresh signal first, then the queue: a drop recorded from now on completes the new signal.
                if (_dropped.Task.IsCompleted)
                {
                    _dropped = NewSignal();
                }
            }

            var taken = new List<long>();
            while (_droppedAlerts.TryDequeue(out var sequence))
            {
                taken.Add(sequence);
            }

            taken.Sort();
            return taken;
        }

        /// <summary>The messages, in publication order.</summary>
        public ChannelReader<LiveMessage> Reader => _channel.Reader;

        internal ChannelWriter<LiveMessage> Writer => _channel.Writer;

        /// <inheritdoc />
        public void Dispose()
        {
            _hub.Remove(this);
            _channel.Writer.TryComplete();
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void OnDropped(LiveMessage dropped)
        {
            if (dropped.Alert is not { } alert)
            {
                return;
            }

            _droppedAlerts.Enqueue(alert.Sequence);
            lock (_gate)
            {
                _dropped.TrySetResult();
            }
        }
    }
}
