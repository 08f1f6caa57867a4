namespace SlaGrid.Runtime;

/// <summary>
/// The grain receives every item published to the stream (<paramref name="streamNamespace"/>, its own key)
/// (Orleans' <c>[ImplicitStreamSubscription]</c>). The grain class must implement
/// <see cref="Streams.IStreamConsumer{T}"/> for the item type.
/// </summary>
/// <param name="streamNamespace">The stream namespace.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    /// <summary>The stream namespace.</summary>
    public string Namespace { get; } = streamNamespace;
}
