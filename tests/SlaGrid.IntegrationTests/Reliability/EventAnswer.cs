using System.Diagnostics;
using SlaGrid.Client.Contracts;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>The final answer a client got for one event, and when (a <see cref="Stopwatch"/> timestamp).</summary>
/// <param name="Status"><c>accepted</c>, <c>duplicate</c>, <c>rejected</c> or <c>failed</c> (no answer: outcome unknown).</param>
/// <param name="Detail">The rejection code or the failure.</param>
internal sealed record EventAnswer(string Status, string? Detail)
{
    /// <summary>When the answer came.</summary>
    public long Timestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary>Whether the silo acknowledged the event (it is durable).</summary>
    public bool IsAcknowledged => Status is IngestStatuses.Accepted or IngestStatuses.Duplicate;
}
