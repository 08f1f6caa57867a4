namespace SlaGrid.Bench.EndToEnd;

/// <summary>What a load run did: counts, achieved rate, ack latencies, and the countable events' send times.</summary>
internal sealed record LoadResult
{
    /// <summary>Events sent.</summary>
    public required long Sent { get; init; }

    /// <summary>Accepted (durable) events.</summary>
    public required long Accepted { get; init; }

    /// <summary>Events answered duplicate.</summary>
    public required long Duplicates { get; init; }

    /// <summary>Rejected events.</summary>
    public required long Rejected { get; init; }

    /// <summary>Events that got no answer.</summary>
    public required long Failed { get; init; }

    /// <summary>The first few rejection/failure reasons.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>From the first send to the last answer.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Accepted events per second over the steady window (after the warm-up, until sending stopped).</summary>
    public required double SteadyRate { get; init; }

    /// <summary>The rate the sender achieved (sent / sending time).</summary>
    public required double SendRate { get; init; }

    /// <summary>Ack latency (send → durable answer) of every answered event, in ms.</summary>
    public required Percentiles AckMs { get; init; }

    /// <summary>Send timestamps (TimeProvider ticks) of the accepted countable events, in send order.</summary>
    public required IReadOnlyList<long> CountableSends { get; init; }

    /// <summary>The phase's start (TimeProvider timestamp).</summary>
    public required long StartedAt { get; init; }
}
