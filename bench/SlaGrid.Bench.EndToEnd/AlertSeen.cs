using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>An alert change of the nation's live feed: when it arrived (TimeProvider timestamp), its outbox sequence, what happened.</summary>
internal sealed record AlertSeen(long At, long Sequence, string Event, Alert Alert);
