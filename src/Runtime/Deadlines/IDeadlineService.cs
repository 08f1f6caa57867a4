using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime.Deadlines;

/// <summary>
/// Durable deadlines (Orleans reminders / durable jobs): stored in <see cref="IDeadlineStore"/>, ordered by due
/// time; only the next window is kept in memory; each is delivered at least once to the grain's
/// <see cref="IDeadlineReceiver.ReceiveDeadlineAsync"/>, late ones at once, and its lag recorded in
/// <c>slagrid_deadline_lag_seconds</c>.
/// </summary>
public interface IDeadlineService
{
    /// <summary>True once the initial window has been loaded after start (for readiness).</summary>
    bool IsArmed { get; }

    /// <summary>Completes when <see cref="IsArmed"/> becomes true.</summary>
    Task WaitUntilArmedAsync(CancellationToken cancellationToken);

    /// <summary>Registers or moves a deadline: writes it durably, then tracks it in memory if it falls in the window.</summary>
    Task ScheduleAsync(DeadlineEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a deadline durably and from memory; no error if absent.</summary>
    Task CancelAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Tracks a deadline that is ALREADY durable (written by another component, e.g. in its own transaction): adds it to
    /// the in-memory window if it falls within it, or forgets an older in-memory version if it moved out.
    /// </summary>
    void Track(DeadlineEntry entry);

    /// <summary>Forgets a deadline in memory only (its durable row was already removed by another component).</summary>
    void Untrack(string grainType, string grainKey, string name);

    /// <summary>A snapshot of the service's counters.</summary>
    DeadlineStatistics GetStatistics();
}
