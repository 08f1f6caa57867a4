using System.Collections.Concurrent;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// The silo's committer with faults on demand, keyed by an event id the commit carries (one shot each): a commit
/// that lands but whose caller is told the store failed (the reply lost to an outage), one that fails before it
/// reaches the store, or one that lands and then runs an action (e.g. the caller goes away) before it returns.
/// </summary>
internal sealed class FaultyCommitter(GroupCommitter inner) : IDossierCommitter
{
    private readonly ConcurrentDictionary<string, bool> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _afterCommit = new(StringComparer.Ordinal);

    /// <summary>The next commit carrying <paramref name="eventId"/> lands, then runs <paramref name="action"/>, then returns.</summary>
    public void AfterCommitOf(string eventId, Action action) => _afterCommit[eventId] = action;

    /// <summary>The next commit carrying <paramref name="eventId"/> is made durable, then reported as failed.</summary>
    public void LoseReplyFor(string eventId) => _faults[eventId] = true;

    /// <summary>The next commit carrying <paramref name="eventId"/> fails without reaching the store.</summary>
    public void RefuseFor(string eventId) => _faults[eventId] = false;

    public async Task CommitAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        foreach (var e in commit.Events)
        {
            if (_faults.TryRemove(e.EventId, out var lands))
            {
                if (lands)
                {
                    await inner.CommitAsync(commit, cancellationToken);
                }

                throw new StorageUnavailableException($"Injected: the store failed during the commit of '{e.EventId}' (it {(lands ? "landed" : "did not land")}).");
            }
        }

        await inner.CommitAsync(commit, cancellationToken);
        foreach (var e in commit.Events)
        {
            if (_afterCommit.TryRemove(e.EventId, out var action))
            {
                action();
            }
        }
    }
}
