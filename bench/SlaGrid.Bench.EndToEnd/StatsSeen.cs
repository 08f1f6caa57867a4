using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>A stats event of the nation's live feed and when it arrived (TimeProvider timestamp).</summary>
internal sealed record StatsSeen(long At, UnitStats Stats);
