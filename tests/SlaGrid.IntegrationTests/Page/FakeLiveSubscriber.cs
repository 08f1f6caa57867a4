using System.Threading.Channels;

namespace SlaGrid.IntegrationTests.Page;

/// <summary>One open <c>/live</c> stream of the fake API: text pushed here is written and flushed as it comes.</summary>
public sealed class FakeLiveSubscriber(string unitId, string? lastEventId)
{
    /// <summary>The unit whose stream this is.</summary>
    public string UnitId { get; } = unitId;

    /// <summary>The Last-Event-ID header the page sent when it connected (null on a first connection).</summary>
    public string? LastEventId { get; } = lastEventId;

    /// <summary>Raw text chunks to write; each is flushed on its own, so a test can split lines across reads.</summary>
    public Channel<string> Chunks { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Ends the stream from the server side (the page must reconnect).</summary>
    public void Drop() => Chunks.Writer.TryComplete();
}
