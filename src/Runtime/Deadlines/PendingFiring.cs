using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime.Deadlines;

/// <summary>A deadline waiting in the in-memory window, with how many deliveries of it have failed.</summary>
internal sealed record PendingFiring(DeadlineEntry Entry, int Attempt);
