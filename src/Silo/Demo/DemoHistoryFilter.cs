using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Grid;
using ContractEvent = SlaGrid.Client.Contracts.DossierEvent;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// Decides which stories of the replayed history may be posted at start. The grid judges every event against the
/// current time, so posting a past dossier event by event would make it, for a moment, what its first events alone
/// say at the current time: a dossier received last week and processed in time looks overdue until its
/// <c>processed</c> arrives, and raises an alert that was never true. A story is replayed only if none of its
/// prefixes wants an alert its state at start does not want (checked with the grid's own clock and alert rules,
/// now and a little later); the others are left out of the history.
/// </summary>
internal sealed class DemoHistoryFilter(Func<DossierClock> clock)
{
    /// <summary>Whether the story's events up to <paramref name="now"/> can be posted without a false alert at <paramref name="now"/> or <paramref name="later"/>.</summary>
    public bool IsClean(DemoStory story, DateTimeOffset now, DateTimeOffset later)
    {
        ArgumentNullException.ThrowIfNull(story);
        var past = new List<DossierEvent>(story.Events.Count);
        foreach (var e in story.Events)
        {
            if (e.At <= now)
            {
                past.Add(ToDomain(e, past.Count + 1));
            }
        }

        if (past.Count == 0)
        {
            return true;
        }

        var dossierClock = clock();
        var final = dossierClock.Evaluate(past);
        if (!final.IsConsistent && final.State.IsEnded)
        {
            return false; // a refused second apology raised an alert that the end would resolve at once
        }

        var prefixes = new List<DossierState>(past.Count - 1);
        for (var k = 1; k < past.Count; k++)
        {
            prefixes.Add(dossierClock.Evaluate(past.Take(k)).State);
        }

        foreach (var instant in (ReadOnlySpan<DateTimeOffset>)[now, later])
        {
            var wanted = AlertPlanner.Desired(final.State, instant);
            foreach (var prefix in prefixes)
            {
                if (!AlertPlanner.Desired(prefix, instant).IsSubsetOf(wanted))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A posted event as the clock sees it (<paramref name="sequence"/>: its place in the dossier's log).</summary>
    internal static DossierEvent ToDomain(ContractEvent e, long sequence) =>
        new(e.EventId, e.DossierId, DossierEventTypes.Parse(e.Type), e.At)
        {
            Sequence = sequence,
            UnitId = e.UnitId,
            OfficerId = e.OfficerId,
            ProcedureCode = e.ProcedureCode,
            DueAt = e.DueAt,
            NewDueAt = e.NewDueAt,
        };
}
