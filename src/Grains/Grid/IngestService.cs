using SlaGrid.Grains.Ingest;
using SlaGrid.Runtime;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// The ingestion path behind <c>POST /api/v1/events</c>: shape-checked events are deduplicated against the log,
/// routed to their dossier grains — one dossier's events in `at` order (ties in posted order), different dossiers concurrently, so that
/// their commits share transactions — and answered per event, in the posted order, once durable.
/// </summary>
public sealed class IngestService(GridContext grid, IGrainFactory grains)
{
    /// <summary>
    /// Applies a batch. A storage failure surfaces as an exception after every event was tried (the caller answers
    /// 503; a retry of the whole batch is safe, since accepted events then answer <c>duplicate</c>).
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<ParsedEvent> batch, string? scopeRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!grid.Seed.IsReady)
        {
            throw new GridNotReadyException();
        }

        var results = new IngestOutcome?[batch.Count];
        var valid = new List<(int Index, IncomingEvent Event)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Event is { } e)
            {
                valid.Add((i, e));
            }
            else
            {
                results[i] = IngestOutcome.Rejected(batch[i].ErrorCode!, batch[i].ErrorMessage!);
            }
        }

        if (valid.Count > 0)
        {
            var known = await grid.Storage.Dossiers.FindEventsAsync(valid.Select(v => v.Event.EventId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            var routed = new List<(int Index, IncomingEvent Event)>(valid.Count);
            foreach (var (index, e) in valid)
            {
                if (known.TryGetValue(e.EventId, out var dossier) && !string.Equals(dossier, e.DossierId, StringComparison.Ordinal))
                {
                    results[index] = IngestOutcome.Rejected(
                        RejectionCodes.EventIdConflict,
                        scopeRoot is null ? $"Event id '{e.EventId}' is already used by dossier '{dossier}'." : $"Event id '{e.EventId}' is already used by another dossier.");
                }
                else if (known.ContainsKey(e.EventId) && scopeRoot is null)
                {
                    results[index] = IngestOutcome.Duplicate;
                }
                else
                {
                    routed.Add((index, e));
                }
            }

            // One dossier's events are applied in `at` order (ties in posted order: OrderBy is stable), so that a batch
            // posted out of order means the same as one posted in order (DESIGN.md: "applied in at order").
            var failures = new List<Exception>();
            var tasks = routed
                .GroupBy(r => r.Event.DossierId, StringComparer.Ordinal)
                .Select(group => ApplyInOrderAsync([.. group.OrderBy(r => r.Event.At.UtcTicks)], results, scopeRoot, failures, cancellationToken))
                .ToList();
            await Task.WhenAll(tasks);
            if (failures.Count > 0)
            {
                throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
            }
        }

        var outcomes = new IngestOutcome[batch.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = results[i]!;
            grid.Metrics.OnEvent(outcomes[i].Status);
        }

        return outcomes;
    }

    private async Task ApplyInOrderAsync(
        List<(int Index, IncomingEvent Event)> events,
        IngestOutcome?[] results,
        string? scopeRoot,
        List<Exception> failures,
        CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IDossierGrain>(events[0].Event.DossierId);
        foreach (var (index, e) in events)
        {
            try
            {
                results[index] = await grain.ApplyAsync(e, scopeRoot, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }

                return;
            }
        }
    }
}
