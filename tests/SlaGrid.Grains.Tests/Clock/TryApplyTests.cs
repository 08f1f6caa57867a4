using SlaGrid.Grains.Clock;
using static SlaGrid.Grains.Clock.DossierEventType;
using static SlaGrid.Grains.Tests.Clock.Fx;

namespace SlaGrid.Grains.Tests.Clock;

public sealed class TryApplyTests
{
    private readonly DossierClock _clock = NewClock();

    private ClockDecision Try(IReadOnlyList<DossierEvent> log, DossierEvent candidate) => _clock.TryApply(log, candidate);

    private static void Rejected(ClockDecision d, string code)
    {
        Assert.False(d.Accepted);
        Assert.Equal(code, d.Error?.Code);
    }

    [Fact]
    public void SecondReschedule_IsRejected_EvenWithAnEarlierAt()
    {
        var (log, state) = Accept(_clock, Received(At(3, 2, 9)), Rescheduled(At(3, 4, 10), At(3, 10, 17)));
        var d = Try(log, Rescheduled(At(3, 3, 10), At(3, 12, 17)));
        Rejected(d, ClockErrorCodes.RescheduleLimit);
        Assert.Equal(state, d.State);
        Assert.Equal(log, d.Events);
        Rejected(Try(log, Rescheduled(At(3, 5, 10), At(3, 12, 17))), ClockErrorCodes.RescheduleLimit);
    }

    [Fact]
    public void AnyEventBeforeReceipt_IsNotReceived_ExceptSubmitted()
    {
        Rejected(Try([], E(Processed, At(3, 2, 9))), ClockErrorCodes.NotReceived);
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)));
        Rejected(Try(log, E(Assigned, At(3, 2, 8)) with { OfficerId = "O" }), ClockErrorCodes.NotReceived);
        Assert.True(Try(log, E(Submitted, At(3, 1, 20))).Accepted);
    }

    [Fact]
    public void SecondReceived_IsAlreadyReceived_WhateverItsAt()
    {
        var (log, _) = Accept(_clock, Received(At(3, 3, 9)));
        Rejected(Try(log, Received(At(3, 4, 9))), ClockErrorCodes.AlreadyReceived);
        Rejected(Try(log, Received(At(3, 2, 9))), ClockErrorCodes.AlreadyReceived);
    }

    [Fact]
    public void EventAfterEnd_IsDossierEnded_ExceptOneReturned()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)), E(Processed, At(3, 3, 9)));
        Rejected(Try(log, E(Assigned, At(3, 3, 10)) with { UnitId = "U2" }), ClockErrorCodes.DossierEnded);
        var r = Try(log, E(Returned, At(3, 4, 9)));
        Assert.True(r.Accepted);
        Rejected(Try(r.Events, E(Returned, At(3, 5, 9))), ClockErrorCodes.DossierEnded);
    }

    [Fact]
    public void EndBeforeAcceptedEvents_IsRejected_AsDossierEnded()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)), E(Assigned, At(3, 3, 11)) with { OfficerId = "O2" });
        Rejected(Try(log, E(Processed, At(3, 3, 10))), ClockErrorCodes.DossierEnded);
        Assert.True(Try(log, E(Processed, At(3, 3, 12))).Accepted);
    }

    [Fact]
    public void ReturnedBeforeAcceptedProcessed_IsRejected()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)), E(Processed, At(3, 4, 9)));
        Rejected(Try(log, E(Returned, At(3, 3, 9))), ClockErrorCodes.DossierEnded);
    }

    [Fact]
    public void PauseCodes()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)));
        Rejected(Try(log, E(SupplementReceived, At(3, 3, 9))), ClockErrorCodes.NotPaused);
        Rejected(Try(log, E(FeePaid, At(3, 3, 9))), ClockErrorCodes.NotPaused);
        var (open, _) = Accept(_clock, Received(At(3, 2, 9)), E(SupplementRequested, At(3, 3, 9)), E(FeeRequested, At(3, 3, 10)));
        Rejected(Try(open, E(SupplementRequested, At(3, 4, 9))), ClockErrorCodes.AlreadyPaused);
        Rejected(Try(open, E(FeeRequested, At(3, 4, 9))), ClockErrorCodes.AlreadyPaused);
    }

    [Fact]
    public void InsertingIntoAClosedPause_IsOutOfOrder()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)), E(SupplementRequested, At(3, 3, 9)), E(SupplementReceived, At(3, 3, 11)));
        Rejected(Try(log, E(SupplementReceived, At(3, 3, 10))), ClockErrorCodes.OutOfOrder);
        // A request inside the open pause is itself already_paused.
        Rejected(Try(log, E(SupplementRequested, At(3, 3, 10))), ClockErrorCodes.AlreadyPaused);
        // A new request before the accepted one would leave the accepted one invalid: already_paused.
        Rejected(Try(log, E(SupplementRequested, At(3, 3, 8))), ClockErrorCodes.AlreadyPaused);
    }

    [Fact]
    public void InvalidDues()
    {
        Rejected(Try([], Received(At(3, 3, 9), dueAt: At(3, 3, 8))), ClockErrorCodes.InvalidDue);
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)));
        Rejected(Try(log, Rescheduled(At(3, 3, 9), At(3, 3, 9))), ClockErrorCodes.InvalidDue);
        Rejected(Try(log, Rescheduled(At(3, 3, 9), At(3, 2, 9))), ClockErrorCodes.InvalidDue);
    }

    [Fact]
    public void UnknownProcedure_And_MissingFields()
    {
        Rejected(Try([], Received(At(3, 3, 9), procedure: "NOPE")), ClockErrorCodes.UnknownProcedure);
        Rejected(Try([], Received(At(3, 3, 9)) with { UnitId = null }), ClockErrorCodes.MissingField);
        Rejected(Try([], Received(At(3, 3, 9)) with { ProcedureCode = " " }), ClockErrorCodes.MissingField);
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)));
        Rejected(Try(log, E(Assigned, At(3, 3, 9))), ClockErrorCodes.MissingField);
        Rejected(Try(log, E(DossierEventType.Rescheduled, At(3, 3, 9))), ClockErrorCodes.MissingField);
    }

    [Fact]
    public void DuplicateEventId_IsReportedAsDuplicate_AndChangesNothing()
    {
        var received = Received(At(3, 2, 9));
        var (log, state) = Accept(_clock, received);
        var d = Try(log, received with { At = At(3, 4, 9) });
        Assert.True(d.Duplicate);
        Assert.False(d.Accepted);
        Assert.Equal(state, d.State);
    }

    [Fact]
    public void LateArrivingEvent_IsInsertedInItsPlace_AndTheDossierReEvaluated()
    {
        // Processed arrives first, then a supplement pair from before it: the due moves and the outcome is re-judged.
        var (log, before) = Accept(_clock, Received(At(3, 2, 9)), E(Processed, At(3, 6, 9)));
        Assert.Equal(DossierOutcome.Late, before.Outcome);
        var d1 = Try(log, E(SupplementRequested, At(3, 3, 9)));
        Assert.True(d1.Accepted);
        var d2 = Try(d1.Events, E(SupplementReceived, At(3, 4, 9)));
        Assert.True(d2.Accepted);
        Assert.Equal(At(3, 6, 17), d2.State.DueAt);
        Assert.Equal(DossierOutcome.OnTime, d2.State.Outcome);
        Assert.Equal([DossierEventType.Received, SupplementRequested, SupplementReceived, Processed], d2.Events.Select(e => e.Type));
        Assert.True(_clock.Evaluate(d2.Events).IsConsistent);
    }

    [Fact]
    public void Evaluate_SkipsInvalidEvents_AndReportsThem()
    {
        var t = _clock.Evaluate([Received(At(3, 2, 9)), E(SupplementReceived, At(3, 3, 9)), E(Processed, At(3, 4, 9)), E(Assigned, At(3, 5, 9)) with { UnitId = "X" }]);
        Assert.False(t.IsConsistent);
        Assert.Equal([ClockErrorCodes.NotPaused, ClockErrorCodes.DossierEnded], t.Entries.Where(e => !e.Applied).Select(e => e.Error!.Code));
        Assert.Equal("U1", t.State.UnitId);
        Assert.Equal(DossierOutcome.Early, t.State.Outcome);
    }

    [Fact]
    public void Candidate_ForAnotherDossier_Throws()
    {
        var (log, _) = Accept(_clock, Received(At(3, 2, 9)));
        Assert.Throws<ArgumentException>(() => _clock.TryApply(log, E(Processed, At(3, 3, 9), dossier: "D2")));
    }
}
