namespace SlaGrid.Runtime.Deadlines;

/// <summary>A snapshot of the deadline service's counters.</summary>
/// <param name="InMemory">Deadlines held in the in-memory window (including retries waiting).</param>
/// <param name="WindowEnd">The end of the loaded window: every stored deadline due before it is in memory.</param>
/// <param name="Fired">Deliveries that succeeded since start.</param>
/// <param name="Failed">Deliveries that failed (each is retried) since start.</param>
/// <param name="InFlight">Deliveries running now.</param>
/// <param name="MaxLag">The largest lag observed since start.</param>
public sealed record DeadlineStatistics(long InMemory, DateTimeOffset WindowEnd, long Fired, long Failed, long InFlight, TimeSpan MaxLag);
