using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SlaGrid.Grains.Live;

/// <summary>
/// In-process fan-out of live changes to subscribers (SSE connections), per unit. Publishing never blocks: each
/// subscriber has a bounded queue; when a slow subscriber's queue is full its oldest message is dropped (the next
/// stats message supersedes it anyway; a dropped alert is flagged, see <see cref="Subscription.TakeAlertsDropped"/>,
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
        private int _alertsDropped;

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
                dropped =>
                {
                    if (dropped.Alert is not null)
                    {
                        Volatile.Write(ref _alertsDropped, 1);
                    }
                });
        }

        /// <summary>The watched unit.</summary>
        public string UnitId { get; }

        /// <summary>
        /// Whether an alert was dropped from the full queue since the last call (and resets the flag): the reader
        /// must then re-read the outbox after the last alert it delivered, or the alert is lost to this subscriber.
        /// </summary>
        public bool TakeAlertsDropped() => Interlocked.Exchange(ref _alertsDropped, 0) != 0;

        /// <summary>The messages, in publication order.</summary>
        public ChannelReader<LiveMessage> Reader => _channel.Reader;

        internal ChannelWriter<LiveMessage> Writer => _channel.Writer;

        /// <inheritdoc />
        public void Dispose()
        {
            _hub.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
