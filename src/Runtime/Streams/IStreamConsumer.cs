namespace SlaGrid.Runtime.Streams;

/// <summary>
/// Implemented by a grain class marked <see cref="ImplicitStreamSubscriptionAttribute"/> to receive the items of
/// its stream. Each delivery is a call to the grain: it activates it if needed and counts as activity.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IStreamConsumer<in T>
{
    /// <summary>Receives one item published to <paramref name="stream"/>.</summary>
    Task OnNextAsync(T item, StreamId stream, CancellationToken cancellationToken);
}
