namespace SlaGrid.Runtime.Streams;

/// <summary>A stream to publish to (Orleans' <c>IAsyncStream&lt;T&gt;</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IAsyncStream<in T>
{
    /// <summary>The stream's address.</summary>
    StreamId StreamId { get; }

    /// <summary>
    /// Publishes <paramref name="item"/>: completes when every implicit subscriber has handled it (or failed: the
    /// first failure is rethrown). Items published by one caller are delivered in the order of the calls.
    /// </summary>
    Task OnNextAsync(T item, CancellationToken cancellationToken);
}
