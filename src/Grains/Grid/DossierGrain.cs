using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Ingest;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// One dossier. Its event log is the truth (loaded on activation); the clock derives its state; each accepted event
/// is committed durably — event, state, next deadline and alert changes in one transaction — before it is
/// acknowledged; then its unit and officer are told its category. A deadline firing re-checks the clock.
/// A commit whose outcome is unknown (the store failed mid-way: it may have landed) leaves the grain "stale": before
/// anything else, and on a timer until it succeeds, it reloads itself from the store and re-tells its counters and
/// re-plans its alerts and deadline, so that a commit that landed is counted once and one that did not leaves no trace.
/// </summary>
[GrainType(GrainTypeName)]
public sealed partial class DossierGrain(GridContext grid, ILogger<DossierGrain> logger) : Grain, IDossierGrain
{
    private const int MaxCountAttempts = 5;

    /// <summary>The grain type name (also in deadline rows).</summary>
    public const string GrainTypeName = "dossier";

    /// <summary>The one deadline a dossier keeps: the next instant its category or alerts can change.</summary>
    public const string CheckDeadline = "check";

    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private IReadOnlyList<DossierEvent> _events = [];
    private DossierState? _state;
    private long _version;
    private long _nextSequence;
    private HashSet<string>? _activeAlerts;
    private Reported? _unit;
    private Reported? _officer;
    private DateTimeOffset? _check;
    private bool _checkKnown;
    private bool _stale;
    private IGrainTimer? _staleTimer;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (_state is { IsReceived: true })
        {
            // Ended dossiers are counted as they were stored; open ones are re-told their category on the next
            // change (the counters track open dossiers by id, so the "set" is harmless if nothing moved).
            var day = _state.ReceiptDate!.Value;
            var category = _state.IsEnded ? _state.Category(grid.Time.GetUtcNow()) : null;
            _unit = new Reported(_state.UnitId!, day, category);
            _officer = _state.OfficerId is { } officer ? new Reported(officer, day, category) : null;
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_stale)
        {
            return;
        }

        // Last chance to count a commit that may have landed; the next activation cannot tell it was not counted.
        try
        {
            await ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReloadFailed(logger, GrainKey, ex);
        }
    }

    /// <inheritdoc />
    public async Task<IngestOutcome> ApplyAsync(IncomingEvent incoming, string? scopeRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (_stale)
        {
            await ReloadAsync(cancellationToken);
        }

        // Scope first: a key learns nothing (not even "duplicate") about dossiers outside its scope.
        if (Refuse(incoming, scopeRoot) is { } refusal)
        {
            return refusal;
        }

        if (_eventIds.Contains(incoming.EventId))
        {
            return IngestOutcome.Duplicate;
        }

        var candidate = ToDomain(incoming, ++_nextSequence);
        var decision = grid.Clock.TryApply(_events, candidate);
        var now = grid.Time.GetUtcNow();
        if (decision.Duplicate)
        {
            return IngestOutcome.Duplicate;
        }

        if (!decision.Accepted)
        {
            var error = decision.Error ?? new ClockError(ClockErrorCodes.OutOfOrder, "The event was refused.");
            if (error.Code == ClockErrorCodes.NotReceived && _state is not { IsReceived: true })
            {
                if (_state is null)
                {
                    // Nothing of this dossier exists: do not keep an empty activation for it.
                    DeactivateOnIdle();
                }

                return IngestOutcome.Rejected(RejectionCodes.UnknownDossier, $"Dossier '{GrainKey}' was never received: post its received event first.");
            }

            if (error.Code == ClockErrorCodes.RescheduleLimit && _state is { IsOpen: true } open)
            {
                await CommitAsync([], null, [AlertPlanner.RescheduleLimit(open, now, grid.Catalog)], cancellationToken);
                (_activeAlerts ??= []).Add(AlertKindNames.RescheduleLimit);
            }

            return IngestOutcome.Rejected(error.Code, error.Message);
        }

        var state = decision.State;
        var storedEvent = new StoredEvent(incoming.EventId, GrainKey, incoming.Type, incoming.At, incoming.Payload, now);
        HashSet<string>? active = null;
        var alerts = state.IsReceived ? AlertPlanner.Plan(state, now, _activeAlerts, grid.Catalog, out active) : [];
        try
        {
            await CommitAsync([storedEvent], state, alerts, cancellationToken);
        }
        catch (DuplicateEventException)
        {
            return IngestOutcome.Rejected(RejectionCodes.EventIdConflict, $"Event id '{incoming.EventId}' is already used by another dossier.");
        }

        _events = decision.Events;
        _eventIds.Add(incoming.EventId);
        _state = state;
        if (state.IsReceived)
        {
            // The event is durable: its counters hear of it even if the caller has gone away meanwhile (a cancelled
            // call would never reach them, and nothing would tell them later).
            _activeAlerts = active;
            await TellCountersAsync(state, now, CancellationToken.None);
        }

        return IngestOutcome.Accepted;
    }

    /// <inheritdoc />
    public Task<DossierView?> GetAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            DeactivateOnIdle();
            return Task.FromResult<DossierView?>(null);
        }

        var now = grid.Time.GetUtcNow();
        return Task.FromResult<DossierView?>(new DossierView(_state, now, _state.IsOverdue(now), _state.IsDueSoon(now)));
    }

    /// <inheritdoc />
    public async Task ReceiveDeadlineAsync(string name, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (_stale)
        {
            await ReloadAsync(cancellationToken);
        }

        if (_state is not { IsOpen: true } state)
        {
            return;
        }

        // The category moved with the clock alone, so the counters hear first; then the alerts it causes are
        // committed (an alert in the store therefore implies counts that already show its cause).
        var now = grid.Time.GetUtcNow();
        await TellCountersAsync(state, now, cancellationToken);
        var alerts = AlertPlanner.Plan(state, now, _activeAlerts, grid.Catalog, out var active);
        if (IsRepeatInstant(state, dueAt) && state.IsOverdue(now))
        {
            alerts.Add(AlertPlanner.RepeatOverdue(state, now));
        }

        var next = NextCheck(state, now);
        if (alerts.Count > 0 || !_checkKnown || next != _check)
        {
            await CommitAsync([], null, alerts, cancellationToken);
        }

        _activeAlerts = active;
    }

    private IngestOutcome? Refuse(IncomingEvent incoming, string? scopeRoot)
    {
        var tree = grid.Catalog.Units;
        if (incoming.UnitId is { } unit && !tree.Contains(unit))
        {
            return IngestOutcome.Rejected(RejectionCodes.UnknownUnit, $"Unit '{unit}' is not known: PUT /api/v1/units first.");
        }

        if (incoming.Type == DossierEventType.Received.ToApiString() && incoming.ProcedureCode is { } code && !grid.Catalog.Procedures.ContainsKey(code))
        {
            return IngestOutcome.Rejected(RejectionCodes.UnknownProcedure, $"Procedure '{code}' is not known: PUT /api/v1/procedures first.");
        }

        if (scopeRoot is not null)
        {
            if (incoming.UnitId is { } target && !tree.IsInSubtree(target, scopeRoot))
            {
                return IngestOutcome.Rejected(RejectionCodes.OutOfScope, $"Unit '{target}' is outside this key's scope.");
            }

            if (_state?.UnitId is { } current && !tree.IsInSubtree(current, scopeRoot))
            {
                return IngestOutcome.Rejected(RejectionCodes.OutOfScope, "This dossier belongs to a unit outside this key's scope.");
            }
        }

        return null;
    }

    private async Task CommitAsync(IReadOnlyList<StoredEvent> events, DossierState? newState, List<AlertChange> alerts, CancellationToken cancellationToken)
    {
        var stateForDeadline = newState ?? _state;
        var now = grid.Time.GetUtcNow();
        var next = stateForDeadline is null ? null : NextCheck(stateForDeadline, now);
        var deadlines = new List<DeadlineEntry>(1);
        var deletions = new List<(string, string, string)>(1);
        if (next is { } at)
        {
            deadlines.Add(new DeadlineEntry(GrainTypeName, GrainKey, CheckDeadline, at));
        }
        else if (!_checkKnown || _check is not null)
        {
            deletions.Add((GrainTypeName, GrainKey, CheckDeadline));
        }

        var record = newState is { IsReceived: true } ? ToRecord(newState, _version + 1) : null;
        try
        {
            await grid.Committer.CommitAsync(new DossierCommit(events, record, deadlines, deletions, alerts), cancellationToken);
        }
        catch (Exception ex) when (ex is not (DuplicateEventException or ArgumentException or OperationCanceledException))
        {
            // Nothing in memory moved, but the store may have taken the commit (a reply lost to an outage) or be ahead
            // of this activation (a stale version): reload before anything else, and keep trying until it works.
            MarkStale();
            throw;
        }

        if (record is not null)
        {
            _version = record.Version;
        }

        _check = next;
        _checkKnown = true;
        if (deadlines.Count > 0)
        {
            grid.Deadlines.Track(deadlines[0]);
        }
        else if (deletions.Count > 0)
        {
            grid.Deadlines.Untrack(GrainTypeName, GrainKey, CheckDeadline);
        }

        if (alerts.Count > 0)
        {
            grid.Committed?.Invoke();
        }
    }

    // Reads the event log and the stored version, and rebuilds the state from them (what the counters were told, in
    // _unit and _officer, is left alone: it is what they know).
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await grid.Storage.Dossiers.GetEventsAsync(GrainKey, cancellationToken);
        var record = stored.Count == 0 ? null : await grid.Storage.Dossiers.GetDossierAsync(GrainKey, cancellationToken);
        _eventIds.Clear();
        _nextSequence = 0;
        _events = [];
        _state = null;
        _version = record?.Version ?? 0;
        if (stored.Count == 0)
        {
            return;
        }

        var events = new List<DossierEvent>(stored.Count);
        foreach (var e in stored)
        {
            events.Add(ToDomain(EventBatchParser.ReadStored(e.Payload), ++_nextSequence));
            _eventIds.Add(e.EventId);
        }

        _events = DossierClock.Order(events);
        _state = grid.Clock.Evaluate(events).State;
    }

    private void MarkStale()
    {
        _stale = true;
        try
        {
            _staleTimer ??= RegisterGrainTimer(ReloadTickAsync, grid.Options.StaleReloadInterval, grid.Options.StaleReloadInterval);
        }
        catch (InvalidOperationException)
        {
            // Deactivating: no timer; the next activation starts from the store.
        }
    }

    private async Task ReloadTickAsync(CancellationToken cancellationToken)
    {
        if (_stale)
        {
            try
            {
                await ReloadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogReloadFailed(logger, GrainKey, ex);
                return;
            }
        }

        _staleTimer?.Dispose();
        _staleTimer = null;
    }

    // Brings memory back to what the store holds after a commit of unknown outcome: the counters hear the stored
    // category (a landed commit is counted once, through the usual "set" messages), and the alerts and deadline are
    // re-planned from scratch (raising an active alert or resolving an absent one is a no-op in the store).
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        _activeAlerts = null;
        _checkKnown = false;
        if (_state is { IsReceived: true } state)
        {
            var now = grid.Time.GetUtcNow();
            await TellCountersAsync(state, now, CancellationToken.None);
            var alerts = AlertPlanner.Plan(state, now, null, grid.Catalog, out var active);
            await CommitAsync([], null, alerts, cancellationToken);
            _activeAlerts = active;
        }

        _stale = false;
    }

    private DateTimeOffset? NextCheck(DossierState state, DateTimeOffset now)
    {
        var next = state.NextCheckAt(now);
        if (NextRepeat(state, now) is { } repeat && (next is null || repeat < next))
        {
            next = repeat;
        }

        return next;
    }

    private DateTimeOffset? NextRepeat(DossierState state, DateTimeOffset now)
    {
        foreach (var instant in RepeatInstants(state))
        {
            if (instant > now)
            {
                return instant;
            }
        }

        return null;
    }

    private bool IsRepeatInstant(DossierState state, DateTimeOffset instant)
    {
        foreach (var repeat in RepeatInstants(state))
        {
            if (repeat == instant)
            {
                return true;
            }

            if (repeat > instant)
            {
                return false;
            }
        }

        return false;
    }

    // Unacknowledged overdue alerts repeat every N working hours after the due time (policy; 0 = never).
    private IEnumerable<DateTimeOffset> RepeatInstants(DossierState state)
    {
        var hours = grid.Options.OverdueRepeatWorkingHours;
        if (hours <= 0 || !state.IsRunning || state.DueAt is not { } due || state.ReceiptDate is not { } day)
        {
            yield break;
        }

        var calendar = grid.Clock.CalendarFor(state.UnitId, grid.Clock.RuleSets.Select(day));
        for (var k = 1; k <= 10_000; k++)
        {
            yield return calendar.AddWorkingTime(due, TimeSpan.FromHours(hours * k)) + DossierState.Resolution;
        }
    }

    private async Task TellCountersAsync(DossierState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.Category(now) is not { } category || state.UnitId is not { } unitId || state.ReceiptDate is not { } day)
        {
            return;
        }

        _unit = await TellAsync(_unit, unitId, day, category, (id, count) => GrainFactory.GetGrain<IUnitGrain>(id).ApplyDossierAsync(count, cancellationToken));
        _officer = state.OfficerId is { } officerId
            ? await TellAsync(_officer, officerId, day, category, (id, count) => GrainFactory.GetGrain<IOfficerGrain>(id).ApplyDossierAsync(count, cancellationToken))
            : await LeaveAsync(_officer, (id, count) => GrainFactory.GetGrain<IOfficerGrain>(id).ApplyDossierAsync(count, cancellationToken));
    }

    private async Task<Reported> TellAsync(Reported? previous, string id, DateOnly day, DossierCategory category, Func<string, DossierCount, Task> send)
    {
        if (previous is { } p && p.Id == id && p.Day == day && p.Category == category)
        {
            return p;
        }

        if (previous is { } old && old.Id != id)
        {
            await LeaveAsync(old, send);
            previous = null;
        }

        var previousFinished = previous?.Category is { } c && !c.IsOpen() ? c : (DossierCategory?)null;
        await SendCountAsync(send, id, new DossierCount(GrainKey, day, category, previousFinished));
        return new Reported(id, day, category);
    }

    private async Task<Reported?> LeaveAsync(Reported? previous, Func<string, DossierCount, Task> send)
    {
        if (previous is { } old)
        {
            var previousFinished = old.Category is { } c && !c.IsOpen() ? c : (DossierCategory?)null;
            await SendCountAsync(send, old.Id, new DossierCount(GrainKey, old.Day, null, previousFinished));
        }

        return null;
    }

    // A count that timed out may have been dropped unapplied (the runtime drops calls nobody waits for any more, and an
    // accepted event's retry is answered "duplicate" without reaching this grain): it is a set, so send it again.
    private async Task SendCountAsync(Func<string, DossierCount, Task> send, string id, DossierCount count)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(id, count);
                return;
            }
            catch (TimeoutException ex) when (attempt < MaxCountAttempts)
            {
                LogCountRetry(logger, GrainKey, id, attempt, ex);
            }
        }
    }

    private static DossierEvent ToDomain(IncomingEvent e, long sequence) =>
        new(e.EventId, e.DossierId, DossierEventTypes.Parse(e.Type), e.At)
        {
            Sequence = sequence,
            UnitId = e.UnitId,
            OfficerId = e.OfficerId,
            ProcedureCode = e.ProcedureCode,
            DueAt = e.DueAt,
            NewDueAt = e.NewDueAt,
        };

    private static DossierRecord ToRecord(DossierState s, long version) => new(
        s.DossierId,
        s.UnitId!,
        s.OfficerId,
        s.ProcedureCode!,
        s.Status,
        s.ReceivedAt!.Value,
        s.ReceiptDate!.Value,
        s.DueAt,
        s.OriginalDueAt,
        s.DueSoonAt,
        s.Paused,
        s.Rescheduled,
        s.ApologyLate,
        s.SupplementRequests,
        s.FinishedAt,
        s.Outcome?.ToApiString(),
        version);

    private readonly record struct Reported(string Id, DateOnly Day, DossierCategory? Category);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier {DossierId}: telling {CounterId} of its category timed out (attempt {Attempt}); sending it again")]
    private static partial void LogCountRetry(ILogger logger, string dossierId, string counterId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dossier {DossierId}: reloading after a commit of unknown outcome failed; retrying")]
    private static partial void LogReloadFailed(ILogger logger, string dossierId, Exception exception);
}
