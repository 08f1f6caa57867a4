using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Core;

/// <summary>
/// An in-process stream: publishing queues the item, synchronously and in call order, in the mailbox of every
/// implicitly subscribed grain with the stream's key, then waits for them all.
/// </summary>
internal sealed class AsyncStream<T>(GrainRuntime runtime, StreamId id) : IAsyncStream<T>
{
    public StreamId StreamId => id;

    public Task OnNextAsync(T item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var subscribers = runtime.Registry.GetStreamSubscribers(id.Namespace);
        if (subscribers.Length == 0)
        {
            return Task.CompletedTask;
        }

        if (subscribers.Length == 1)
        {
            return Deliver(subscribers[0], item, cancellationToken);
        }

        var deliveries = new Task[subscribers.Length];
        for (var i = 0; i < subscribers.Length; i++)
        {
            deliveries[i] = Deliver(subscribers[i], item, cancellationToken);
        }

        return Task.WhenAll(deliveries);
    }

    private Task Deliver(GrainClassInfo subscriber, T item, CancellationToken cancellationToken)
    {
        if (!StreamConsumerCheck<T>.Accepts(subscriber))
        {
            return Task.FromException(new InvalidOperationException(
                $"Grain type '{subscriber.Name}' subscribes to stream namespace '{id.Namespace}' but is not an IStreamConsumer<{typeof(T).Name}>."));
        }

        var delivery = new StreamDelivery<T>(item, id, cancellationToken);
        runtime.SendTo(subscriber, id.Key, delivery);
        return delivery.Task;
    }
}
