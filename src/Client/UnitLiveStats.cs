using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>The subtree's current measures (sent on connect and on every coalesced change).</summary>
/// <param name="Stats">The measures.</param>
public sealed record UnitLiveStats(UnitStats Stats) : UnitLiveEvent;
