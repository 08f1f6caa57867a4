using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Procedures;
using SlaGrid.Grains.Rules;

namespace SlaGrid.Grains.Clock;

/// <summary>
/// The dossier clock (DOMAIN.md rules 1–11) as a pure evaluator: a dossier's state is a function of its accepted
/// events, the calendar data, the procedures and the rule sets. No I/O, no clock reading; thread-safe.
/// </summary>
/// <remarks>
/// The calendar of a dossier is <paramref name="calendar"/> with the office schedule of the unit that received it
/// (from <paramref name="unitSchedules"/>, else the selected rule set's <see cref="ClockPolicy.Schedule"/>); that
/// schedule governs the dossier's whole clock, even after a hand-over.
/// </remarks>
/// <param name="calendar">Holidays and make-up days.</param>
/// <param name="procedures">Procedures by code.</param>
/// <param name="ruleSets">Rule sets by receipt date (null: <see cref="RuleSetCatalog.Default"/>).</param>
/// <param name="unitSchedules">A unit's own office schedule, or null to use the policy's (null: none has one).</param>
public sealed class DossierClock(
    CalendarData calendar,
    IProcedureLookup procedures,
    RuleSetCatalog? ruleSets = null,
    Func<string, OfficeSchedule?>? unitSchedules = null)
{
    private readonly WorkingCalendar _defaultCalendar = new(calendar, OfficeSchedule.Default);

    /// <summary>The calendar data.</summary>
    public CalendarData Calendar { get; } = calendar;

    /// <summary>The procedures.</summary>
    public IProcedureLookup Procedures { get; } = procedures;

    /// <summary>The rule sets.</summary>
    public RuleSetCatalog RuleSets { get; } = ruleSets ?? RuleSetCatalog.Default;

    /// <summary>The working calendar of a dossier received by <paramref name="unitId"/> under <paramref name="ruleSet"/>.</summary>
    public WorkingCalendar CalendarFor(string? unitId, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var schedule = (unitId is null ? null : unitSchedules?.Invoke(unitId)) ?? ruleSet.Policy.Schedule;
        return schedule.Equals(_defaultCalendar.Schedule) ? _defaultCalendar : new WorkingCalendar(Calendar, schedule);
    }

    /// <summary>The events in application order: by <c>At</c> (instant), then <c>Sequence</c>, then given order.</summary>
    public static IReadOnlyList<DossierEvent> Order(IEnumerable<DossierEvent> events) =>
        [.. events.OrderBy(e => e.At.UtcTicks).ThenBy(e => e.Sequence)];

    /// <summary>
    /// Replays <paramref name="events"/> from scratch in (At, Sequence) order. An event that is invalid in its place
    /// is skipped (it changes nothing) and reported in <see cref="DossierTimeline.Entries"/>.
    /// </summary>
    public DossierTimeline Evaluate(IEnumerable<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Run(Order(events));
    }

    /// <summary>
    /// Decides whether <paramref name="candidate"/> may join the dossier's accepted log. It is inserted in its
    /// (At, Sequence) place (after accepted events with the same At and Sequence) and the whole log replayed.
    /// Rejected when it is invalid in its place (its own code), or when it would make an accepted event invalid
    /// ("an accepted event is never rejected afterwards"): then the code is that event's when it is one of
    /// <c>reschedule_limit</c>, <c>already_received</c>, <c>already_paused</c>, <c>dossier_ended</c>, else
    /// <c>out_of_order</c>. Field problems give <c>missing_field</c>. A candidate whose EventId is already accepted
    /// gives <see cref="ClockDecision.Duplicate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The candidate belongs to another dossier than the accepted events.</exception>
    public ClockDecision TryApply(IReadOnlyList<DossierEvent> acceptedEvents, DossierEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(acceptedEvents);
        ArgumentNullException.ThrowIfNull(candidate);
        var accepted = Order(acceptedEvents);
        if (accepted.Count > 0 && !string.Equals(accepted[0].DossierId, candidate.DossierId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Event {candidate.EventId} is for dossier {candidate.DossierId}, not {accepted[0].DossierId}.", nameof(candidate));
        }

        if (accepted.Any(e => string.Equals(e.EventId, candidate.EventId, StringComparison.Ordinal)))
        {
            return new ClockDecision { Accepted = false, Duplicate = true, State = Run(accepted).State, Events = accepted };
        }

        if (DossierEventValidator.Validate(candidate) is { } fieldError)
        {
            return Reject(accepted, fieldError);
        }

        var merged = Order(accepted.Append(candidate));
        var timeline = Run(merged);
        var own = timeline.Entries.First(en => ReferenceEquals(en.Event, candidate));
        if (own.Error is { } ownError)
        {
            return Reject(accepted, ownError);
        }

        var broken = timeline.Entries.Where(en => !en.Applied && !ReferenceEquals(en.Event, candidate)).ToList();
        if (broken.Count > 0)
        {
            var before = Run(accepted);
            var alreadyBad = before.Entries.Where(en => !en.Applied).Select(en => en.Event.EventId).ToHashSet(StringComparer.Ordinal);
            var newlyBroken = broken.FirstOrDefault(en => !alreadyBad.Contains(en.Event.EventId));
            if (newlyBroken is not null)
            {
                return new ClockDecision { Accepted = false, Error = Conflict(candidate, newlyBroken), State = before.State, Events = accepted };
            }
        }

        return new ClockDecision { Accepted = true, State = timeline.State, Events = merged };
    }

    private ClockDecision Reject(IReadOnlyList<DossierEvent> accepted, ClockError error) =>
        new() { Accepted = false, Error = error, State = Run(accepted).State, Events = accepted };

    private static ClockError Conflict(DossierEvent candidate, TimelineEntry broken)
    {
        var code = broken.Error!.Code switch
        {
            ClockErrorCodes.RescheduleLimit or ClockErrorCodes.AlreadyReceived or ClockErrorCodes.AlreadyPaused or ClockErrorCodes.DossierEnded => broken.Error.Code,
            _ => ClockErrorCodes.OutOfOrder,
        };
        return new ClockError(
            code,
            $"Event {candidate.EventId} ({candidate.Type.ToApiString()} at {candidate.At:O}) would make accepted event {broken.Event.EventId} ({broken.Event.Type.ToApiString()} at {broken.Event.At:O}) invalid: {broken.Error.Message}");
    }

    private DossierTimeline Run(IReadOnlyList<DossierEvent> ordered)
    {
        var replay = new Replay(this, ordered.Count > 0 ? ordered[0].DossierId : string.Empty);
        var entries = new List<TimelineEntry>(ordered.Count);
        foreach (var e in ordered)
        {
            entries.Add(new TimelineEntry(e, replay.Apply(e)));
        }

        return new DossierTimeline(replay.Snapshot(), entries);
    }

    /// <summary>The mutable replay of one dossier; every Apply checks before it changes anything.</summary>
    private sealed class Replay(DossierClock owner, string dossierId)
    {
        private DateTimeOffset? _submittedAt;
        private DateTimeOffset? _receivedAt;
        private DateTimeOffset? _clockStart;
        private DateTimeOffset _due;
        private DateTimeOffset _originalDue;
        private Procedure? _procedure;
        private RuleSet? _ruleSet;
        private WorkingCalendar? _calendar;
        private string? _unitId;
        private string? _officerId;
        private string _workStatus = DossierStatuses.Received;
        private bool _supplementOpen;
        private bool _feeOpen;
        private bool _paused;
        private DateTimeOffset? _pausedSince;
        private bool _rescheduledDuringPause;
        private bool _rescheduled;
        private bool _apologyLate;
        private int _supplements;
        private DateTimeOffset? _finishedAt;
        private string? _endStatus;
        private bool _returned;
        private DossierOutcome? _outcome;
        private DateTimeOffset? _lastAt;

        private ClockPolicy Policy => _ruleSet!.Policy;

        private WorkingCalendar Cal => _calendar!;

        public ClockError? Apply(DossierEvent e)
        {
            if (!string.Equals(e.DossierId, dossierId, StringComparison.Ordinal))
            {
                return new ClockError(ClockErrorCodes.OutOfOrder, $"Event {e.EventId} belongs to dossier {e.DossierId}, not {dossierId}.");
            }

            var error = DossierEventValidator.Validate(e) ?? Check(e);
            if (error is null)
            {
                _lastAt = _lastAt is { } last && last > e.At ? last : e.At;
            }

            return error;
        }

        private ClockError? Check(DossierEvent e)
        {
            if (_receivedAt is null)
            {
                switch (e.Type)
                {
                    case DossierEventType.Submitted:
                        _submittedAt ??= e.At;
                        return null;
                    case DossierEventType.Received:
                        return Receive(e);
                    default:
                        return Error(ClockErrorCodes.NotReceived, e, "the dossier has not been received yet");
                }
            }

            if (e.Type == DossierEventType.Received)
            {
                return Error(ClockErrorCodes.AlreadyReceived, e, $"it was already received at {_receivedAt:O}");
            }

            if (e.Type == DossierEventType.Rescheduled && _rescheduled)
            {
                return Error(ClockErrorCodes.RescheduleLimit, e, "a dossier may be rescheduled only once");
            }

            if (_finishedAt is not null)
            {
                if (e.Type == DossierEventType.Returned && !_returned)
                {
                    _returned = true;
                    return null;
                }

                return Error(ClockErrorCodes.DossierEnded, e, $"processing ended at {_finishedAt:O} ({_endStatus})");
            }

            switch (e.Type)
            {
                case DossierEventType.Submitted:
                    return null;

                case DossierEventType.Assigned:
                    _unitId = string.IsNullOrWhiteSpace(e.UnitId) ? _unitId : e.UnitId;
                    _officerId = string.IsNullOrWhiteSpace(e.OfficerId) ? _officerId : e.OfficerId;
                    _workStatus = DossierStatuses.Processing;
                    return null;

                case DossierEventType.SupplementRequested:
                    if (_supplementOpen)
                    {
                        return Error(ClockErrorCodes.AlreadyPaused, e, "a supplement request is already open");
                    }

                    _supplements++;
                    _supplementOpen = true;
                    UpdatePause(e.At);
                    return null;

                case DossierEventType.SupplementReceived:
                    if (!_supplementOpen)
                    {
                        return Error(ClockErrorCodes.NotPaused, e, "no supplement request is open");
                    }

                    _supplementOpen = false;
                    UpdatePause(e.At);
                    return null;

                case DossierEventType.FeeRequested:
                    if (_feeOpen)
                    {
                        return Error(ClockErrorCodes.AlreadyPaused, e, "a fee request is already open");
                    }

                    _feeOpen = true;
                    UpdatePause(e.At);
                    return null;

                case DossierEventType.FeePaid:
                    if (!_feeOpen)
                    {
                        return Error(ClockErrorCodes.NotPaused, e, "no fee request is open");
                    }

                    _feeOpen = false;
                    UpdatePause(e.At);
                    return null;

                case DossierEventType.Rescheduled:
                    var newDue = e.NewDueAt!.Value;
                    if (newDue <= e.At)
                    {
                        return Error(ClockErrorCodes.InvalidDue, e, $"newDueAt {newDue:O} is not after at");
                    }

                    var dueDay = VietnamTime.LocalDate(_due);
                    var latestApology = Cal.EndOfWorkingDay(Cal.PreviousWorkingDay(dueDay));
                    _apologyLate = e.At > latestApology;
                    _rescheduled = true;
                    _due = newDue;
                    _rescheduledDuringPause = _paused;
                    return null;

                case DossierEventType.Processed:
                case DossierEventType.Refused:
                case DossierEventType.Stopped:
                case DossierEventType.Withdrawn:
                case DossierEventType.Returned:
                    End(e);
                    return null;

                default:
                    return Error(ClockErrorCodes.OutOfOrder, e, "unknown event type");
            }
        }

        private ClockError? Receive(DossierEvent e)
        {
            if (!owner.Procedures.TryGet(e.ProcedureCode!, out var procedure))
            {
                return Error(ClockErrorCodes.UnknownProcedure, e, $"procedure {e.ProcedureCode} is unknown");
            }

            if (e.DueAt is { } given && given < e.At)
            {
                return Error(ClockErrorCodes.InvalidDue, e, $"dueAt {given:O} is before at");
            }

            var ruleSet = owner.RuleSets.Select(VietnamTime.LocalDate(e.At));
            var calendar = owner.CalendarFor(e.UnitId, ruleSet);
            _ruleSet = ruleSet;
            _calendar = calendar;
            _procedure = procedure;
            _receivedAt = e.At;
            _clockStart = calendar.NormalizeStart(e.At);
            _due = e.DueAt ?? DueCalculator.ComputeDue(procedure.Limit, _clockStart.Value, calendar, ruleSet.Policy.SameDayCutoff);
            _originalDue = _due;
            _unitId = e.UnitId;
            _officerId = string.IsNullOrWhiteSpace(e.OfficerId) ? null : e.OfficerId;
            return null;
        }

        private void UpdatePause(DateTimeOffset at)
        {
            var shouldPause = _supplementOpen || (_feeOpen && _procedure!.FeesPauseClock);
            if (shouldPause && !_paused)
            {
                _paused = true;
                _pausedSince = at;
                _rescheduledDuringPause = false;
            }
            else if (!shouldPause && _paused)
            {
                var p = _pausedSince!.Value;
                if (!_rescheduledDuringPause)
                {
                    _due = Move(_due, p, at);
                }

                _originalDue = Move(_originalDue, p, at);
                _paused = false;
                _pausedSince = null;
                _rescheduledDuringPause = false;
            }
        }

        /// <summary>Rule 4: due = resume + working time left at the pause; never earlier; a pause after due moves nothing.</summary>
        private DateTimeOffset Move(DateTimeOffset due, DateTimeOffset pause, DateTimeOffset resume)
        {
            if (pause >= due)
            {
                return due;
            }

            var moved = Cal.AddWorkingTime(resume, Cal.WorkingTimeBetween(pause, due));
            return moved > due ? moved : due;
        }

        private void End(DossierEvent e)
        {
            _finishedAt = e.At;
            _returned = e.Type == DossierEventType.Returned;
            _endStatus = e.Type switch
            {
                DossierEventType.Processed => DossierStatuses.Processed,
                DossierEventType.Refused => DossierStatuses.Refused,
                DossierEventType.Stopped => DossierStatuses.Stopped,
                DossierEventType.Withdrawn => DossierStatuses.Withdrawn,
                _ => DossierStatuses.Returned,
            };
            _outcome = Judge(e.At);
        }

        private DossierOutcome Judge(DateTimeOffset end)
        {
            if (Policy.SecondSupplementCountsLate && _supplements >= 2)
            {
                return DossierOutcome.Late;
            }

            var judging = _rescheduled && Policy.RescheduleCountsLate ? _originalDue : _due;
            var endDate = VietnamTime.LocalDate(end);
            var dueDate = VietnamTime.LocalDate(judging);
            if (endDate < dueDate)
            {
                return DossierOutcome.Early;
            }

            return endDate == dueDate && end <= judging ? DossierOutcome.OnTime : DossierOutcome.Late;
        }

        public DossierState Snapshot()
        {
            if (_receivedAt is null)
            {
                return new DossierState
                {
                    DossierId = dossierId,
                    Status = _submittedAt is null ? DossierStatuses.None : DossierStatuses.Submitted,
                    SubmittedAt = _submittedAt,
                    LastEventAt = _lastAt,
                };
            }

            var running = _finishedAt is null && !_paused;
            var status = _finishedAt is not null
                ? (_returned ? DossierStatuses.Returned : _endStatus!)
                : _supplementOpen ? DossierStatuses.SupplementRequested
                : _feeOpen ? DossierStatuses.FeeRequested
                : _workStatus;
            return new DossierState
            {
                DossierId = dossierId,
                Status = status,
                SubmittedAt = _submittedAt,
                ReceivedAt = VietnamTime.ToLocal(_receivedAt.Value),
                ReceiptDate = VietnamTime.LocalDate(_receivedAt.Value),
                ClockStartedAt = _clockStart,
                DueAt = VietnamTime.ToLocal(_due),
                OriginalDueAt = VietnamTime.ToLocal(_originalDue),
                Paused = _paused && _finishedAt is null,
                PausedSince = _finishedAt is null ? _pausedSince : null,
                Rescheduled = _rescheduled,
                ApologyLate = _apologyLate,
                SupplementRequests = _supplements,
                FinishedAt = _finishedAt is { } f ? VietnamTime.ToLocal(f) : null,
                Outcome = _outcome,
                UnitId = _unitId,
                OfficerId = _officerId,
                ProcedureCode = _procedure!.Code,
                RuleSetId = _ruleSet!.Id,
                DueSoonAt = running ? Cal.SubtractWorkingTime(_due, Policy.DueSoonThreshold) : null,
                EscalateAt = running ? Cal.AddWorkingTime(_due, Cal.WorkingDayLength * Policy.EscalateAfterWorkingDays) : null,
                LastEventAt = _lastAt,
            };
        }

        private static ClockError Error(string code, DossierEvent e, string why) =>
            new(code, $"Event {e.EventId} ({e.Type.ToApiString()} at {e.At:O}) is rejected: {why}.");
    }
}
