using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Core;

/// <summary>One stream item delivered to an implicitly subscribed grain.</summary>
internal sealed class StreamDelivery<T>(T item, StreamId stream, CancellationToken cancellationToken) : Message<bool>
{
    public override string Describe() => $"stream item of {stream}";

    protected override ValueTask<bool> InvokeAsync(Grain grain) =>
        TaskAdapters.FromTask(((IStreamConsumer<T>)grain).OnNextAsync(item, stream, cancellationToken));
}
