using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Rules;
using static SlaGrid.Grains.Clock.DossierEventType;
using static SlaGrid.Grains.Tests.Clock.Fx;

namespace SlaGrid.Grains.Tests.Clock;

public sealed class DossierClockTests
{
    private readonly DossierClock _clock = NewClock(Holidays(D(3, 9)));

    [Fact]
    public void Received_StartsTheClock_AndComputesDue()
    {
        var s = Eval(_clock, Received(At(3, 6, 16, 30), officer: "O1"));
        Assert.Equal(DossierStatuses.Received, s.Status);
        Assert.Equal(At(3, 6, 16, 30), s.ReceivedAt);
        Assert.Equal(At(3, 6, 16, 30), s.ClockStartedAt);
        Assert.Equal(At(3, 12, 17), s.DueAt);
        Assert.Equal(At(3, 12, 17), s.OriginalDueAt);
        Assert.Equal(D(3, 6), s.ReceiptDate);
        Assert.Equal("U1", s.UnitId);
        Assert.Equal("O1", s.OfficerId);
        Assert.Equal("WD3", s.ProcedureCode);
        Assert.Equal(RuleSetCatalog.Decree118Id, s.RuleSetId);
        Assert.Null(s.Outcome);
        Assert.Null(s.FinishedAt);
    }

    [Fact]
    public void Received_OnSaturday_ClockStartsNextWorkingMorning()
    {
        var s = Eval(_clock, Received(At(3, 7, 10)));
        Assert.Equal(At(3, 10, 8), s.ClockStartedAt); // Monday 9/3 is a holiday
        Assert.Equal(D(3, 7), s.ReceiptDate);          // the receipt date stays the Saturday
        Assert.Equal(At(3, 13, 17), s.DueAt);
    }

    [Fact]
    public void Received_WithDueAt_IsAuthoritative()
    {
        var s = Eval(_clock, Received(At(3, 2, 9), dueAt: At(3, 20, 10)));
        Assert.Equal(At(3, 20, 10), s.DueAt);
        Assert.Equal(At(3, 20, 10), s.OriginalDueAt);
    }

    [Fact]
    public void Submitted_DoesNotStartTheClock()
    {
        var s = Eval(_clock, E(Submitted, At(3, 2, 9)));
        Assert.Equal(DossierStatuses.Submitted, s.Status);
        Assert.False(s.IsReceived);
        Assert.Null(s.DueAt);
        Assert.Null(s.Category(At(3, 30, 9)));
    }

    [Fact]
    public void Assigned_MakesStatusProcessing()
    {
        var s = Eval(_clock, Received(At(3, 2, 9)), E(Assigned, At(3, 2, 10)) with { OfficerId = "O2" });
        Assert.Equal(DossierStatuses.Processing, s.Status);
    }

    [Fact]
    public void Attribution_LatestUnitAndLatestOfficer_FoundSeparately()
    {
        var s = Eval(
            _clock,
            Received(At(3, 2, 9), unit: "U1", officer: "O1"),
            E(Assigned, At(3, 2, 10)) with { OfficerId = "O2" },
            E(Assigned, At(3, 2, 11)) with { UnitId = "U2" });
        Assert.Equal("U2", s.UnitId);
        Assert.Equal("O2", s.OfficerId);
    }

    [Fact]
    public void Resume_KeepsRemainingWorkingTime_PauseFriday16ToMonday09ShiftsDueByTwoWorkingHours()
    {
        // No holidays. Received Mon 2/3 09:00, 5 working days → due Mon 9/3 17:00.
        // Paused Fri 6/3 16:00: remaining = W(Fri 16:00, Mon 17:00) = 1 h (Fri) + 8 h (Mon) = 9 h.
        // Resumed Mon 9/3 09:00: due = Mon 09:00 + 9 h = Mon 09–12 (3 h), 13–17 (4 h), Tue 08–10 (2 h) = Tue 10/3 10:00.
        // The paused office time is Fri 16–17 + Mon 08–09 = 2 working hours, and the due moved by exactly that.
        var clock = NewClock();
        var received = Received(At(3, 2, 9), procedure: "WD5");
        Assert.Equal(At(3, 9, 17), Eval(clock, received).DueAt);
        var paused = Eval(clock, received, E(SupplementRequested, At(3, 6, 16)));
        Assert.True(paused.Paused);
        Assert.Equal(At(3, 6, 16), paused.PausedSince);
        Assert.Equal(At(3, 9, 17), paused.DueAt); // frozen while paused
        Assert.Equal(DossierStatuses.SupplementRequested, paused.Status);
        var s = Eval(clock, received, E(SupplementRequested, At(3, 6, 16)), E(SupplementReceived, At(3, 9, 9)));
        Assert.False(s.Paused);
        Assert.Equal(At(3, 10, 10), s.DueAt);
        Assert.Equal(At(3, 10, 10), s.OriginalDueAt);
        Assert.Equal(TimeSpan.FromHours(2), new WorkingCalendar(CalendarData.Empty).WorkingTimeBetween(At(3, 9, 17), s.DueAt!.Value));
        Assert.Equal(DossierStatuses.Received, s.Status);
        Assert.Equal(1, s.SupplementRequests);
    }

    [Fact]
    public void Resume_ExactlyAtPeriodEnd_DueIs17_NotNextMorning()
    {
        // Received Mon 2/3 09:00 (WD3 → Thu 5/3 17:00). Pause Thu 13:00 (4 h left), resume Fri 13:00 → Fri 17:00.
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(SupplementRequested, At(3, 5, 13)), E(SupplementReceived, At(3, 6, 13)));
        Assert.Equal(At(3, 6, 17), s.DueAt);
    }

    [Fact]
    public void PauseAfterDue_DoesNotUndoLateness()
    {
        // Due Thu 5/3 17:00; pause Fri 10:00 → Mon 10:00; due stays Thu 17:00; processed Mon 11:00 is late.
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(SupplementRequested, At(3, 6, 10)), E(SupplementReceived, At(3, 9, 10)), E(Processed, At(3, 9, 11)));
        Assert.Equal(At(3, 5, 17), s.DueAt);
        Assert.Equal(DossierOutcome.Late, s.Outcome);
    }

    [Fact]
    public void Resume_NeverMovesDueEarlier()
    {
        // Authoritative due Tue 3/3 12:30 (lunch). Pause 12:10, resume 12:15: no office time was left at the pause
        // (W(12:10, 12:30) = 0), so resume + 0 = 12:15 would be earlier than the due; the due stays 12:30.
        var s = Eval(NewClock(), Received(At(3, 2, 9), dueAt: At(3, 3, 12, 30)), E(SupplementRequested, At(3, 3, 12, 10)), E(SupplementReceived, At(3, 3, 12, 15)));
        Assert.Equal(At(3, 3, 12, 30), s.DueAt);
    }

    [Fact]
    public void Paused_IsNeitherDueSoonNorOverdue()
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(SupplementRequested, At(3, 3, 9)));
        var later = At(3, 20, 9);
        Assert.False(s.IsOverdue(later));
        Assert.False(s.IsDueSoon(later));
        Assert.Equal(DossierCategory.Paused, s.Category(later));
        Assert.Null(s.DueSoonAt);
        Assert.Null(s.EscalateAt);
        Assert.Null(s.NextCheckAt(later));
    }

    [Fact]
    public void Fees_PauseOnlyWhenTheProcedureSaysSo()
    {
        var clock = NewClock();
        var noPause = Eval(clock, Received(At(3, 2, 9)), E(FeeRequested, At(3, 3, 9)), E(FeePaid, At(3, 4, 9)));
        Assert.Equal(At(3, 5, 17), noPause.DueAt);
        var waiting = Eval(clock, Received(At(3, 2, 9)), E(FeeRequested, At(3, 3, 9)));
        Assert.False(waiting.Paused);
        Assert.Equal(DossierStatuses.FeeRequested, waiting.Status);

        // FEE pauses: Tue 09:00 → Wed 09:00 = 8 working hours → due Thu 17:00 → Fri 17:00.
        var pause = Eval(clock, Received(At(3, 2, 9), procedure: "FEE"), E(FeeRequested, At(3, 3, 9)), E(FeePaid, At(3, 4, 9)));
        Assert.Equal(At(3, 6, 17), pause.DueAt);
    }

    [Fact]
    public void OverlappingSupplementAndFeePauses_AreOnePause()
    {
        // FEE procedure, due Thu 5/3 17:00. Supplement Tue 09:00; fee Tue 10:00; supplement back Tue 11:00; fee paid Wed 09:00.
        // Paused Tue 09:00 → Wed 09:00 = 8 working hours → Fri 6/3 17:00.
        var s = Eval(
            NewClock(),
            Received(At(3, 2, 9), procedure: "FEE"),
            E(SupplementRequested, At(3, 3, 9)),
            E(FeeRequested, At(3, 3, 10)),
            E(SupplementReceived, At(3, 3, 11)),
            E(FeePaid, At(3, 4, 9)));
        Assert.Equal(At(3, 6, 17), s.DueAt);
    }

    [Fact]
    public void EndedWhilePaused_EndIsThatInstant_JudgedAgainstFrozenDue()
    {
        var clock = NewClock();
        var beforeDue = Eval(clock, Received(At(3, 2, 9)), E(SupplementRequested, At(3, 3, 9)), E(Withdrawn, At(3, 5, 10)));
        Assert.Equal(At(3, 5, 10), beforeDue.FinishedAt);
        Assert.Equal(DossierOutcome.OnTime, beforeDue.Outcome);
        Assert.False(beforeDue.Paused);
        var afterDue = Eval(clock, Received(At(3, 2, 9)), E(SupplementRequested, At(3, 3, 9)), E(Withdrawn, At(3, 9, 10)));
        Assert.Equal(DossierOutcome.Late, afterDue.Outcome);
        Assert.Equal(DossierStatuses.Withdrawn, afterDue.Status);
    }

    [Theory]
    [InlineData(4, 16, DossierOutcome.Early)]   // Wed, before the due date
    [InlineData(5, 9, DossierOutcome.OnTime)]   // due date, before due time
    [InlineData(5, 17, DossierOutcome.OnTime)]  // exactly the due time
    [InlineData(5, 18, DossierOutcome.Late)]    // due date, after due time
    [InlineData(6, 9, DossierOutcome.Late)]
    public void Outcome_ComparesDateThenTime(int day, int hour, DossierOutcome expected)
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(Processed, At(3, day, hour)));
        Assert.Equal(expected, s.Outcome);
        Assert.Equal(DossierStatuses.Processed, s.Status);
        Assert.Equal(At(3, day, hour), s.FinishedAt);
    }

    [Fact]
    public void Outcome_WithMidDayAuthoritativeDue_SameDateBeforeIsOnTimeNotEarly()
    {
        var clock = NewClock();
        Assert.Equal(DossierOutcome.OnTime, Eval(clock, Received(At(3, 2, 9), dueAt: At(3, 5, 10)), E(Processed, At(3, 5, 8))).Outcome);
        Assert.Equal(DossierOutcome.Late, Eval(clock, Received(At(3, 2, 9), dueAt: At(3, 5, 10)), E(Processed, At(3, 5, 11))).Outcome);
    }

    [Theory]
    [InlineData(Refused, "refused")]
    [InlineData(Withdrawn, "withdrawn")]
    [InlineData(Stopped, "stopped")]
    [InlineData(Processed, "processed")]
    public void EveryEnd_IsJudged(DossierEventType end, string status)
    {
        var clock = NewClock();
        var early = Eval(clock, Received(At(3, 2, 9)), E(end, At(3, 3, 9)));
        Assert.Equal(DossierOutcome.Early, early.Outcome);
        Assert.Equal(status, early.Status);
        var late = Eval(clock, Received(At(3, 2, 9)), E(end, At(3, 6, 9)));
        Assert.Equal(DossierOutcome.Late, late.Outcome);
        Assert.Equal(DossierCategory.FinishedLate, late.Category(At(3, 6, 10)));
    }

    [Fact]
    public void ReturnedWithoutProcessed_EndsProcessing()
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(Returned, At(3, 4, 9)));
        Assert.Equal(DossierStatuses.Returned, s.Status);
        Assert.Equal(At(3, 4, 9), s.FinishedAt);
        Assert.Equal(DossierOutcome.Early, s.Outcome);
        Assert.False(s.IsOpen);
    }

    [Fact]
    public void ReturnedAfterProcessed_ChangesNoOutcome()
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)), E(Processed, At(3, 5, 16)), E(Returned, At(3, 10, 9)));
        Assert.Equal(DossierStatuses.Returned, s.Status);
        Assert.Equal(At(3, 5, 16), s.FinishedAt);
        Assert.Equal(DossierOutcome.OnTime, s.Outcome);
    }

    [Fact]
    public void SecondSupplementRequest_EndsLate_WhateverItsTimes()
    {
        var events = new[]
        {
            Received(At(3, 2, 9), procedure: "WD5"),
            E(SupplementRequested, At(3, 2, 10)), E(SupplementReceived, At(3, 2, 11)),
            E(SupplementRequested, At(3, 2, 13)), E(SupplementReceived, At(3, 2, 14)),
            E(Processed, At(3, 3, 9)),
        };
        var s = Eval(NewClock(), events);
        Assert.Equal(2, s.SupplementRequests);
        Assert.Equal(DossierOutcome.Late, s.Outcome);
        var off = Eval(NewClockWith(new ClockPolicy { SecondSupplementCountsLate = false }), events);
        Assert.Equal(DossierOutcome.Early, off.Outcome);
    }

    [Fact]
    public void SecondSupplementRequest_WhileOpen_JudgedByTheClock()
    {
        var s = Eval(
            NewClock(),
            Received(At(3, 2, 9), procedure: "WD5"),
            E(SupplementRequested, At(3, 2, 10)), E(SupplementReceived, At(3, 2, 11)),
            E(SupplementRequested, At(3, 2, 13)), E(SupplementReceived, At(3, 2, 14)));
        Assert.Equal(DossierCategory.Running, s.Category(At(3, 3, 9)));
    }

    [Fact]
    public void Reschedule_IssuedOnTheDueDay_IsFlaggedApologyLate()
    {
        // Due Thu 5/3 17:00; the working day before is Wed 4/3, ending 17:00.
        var s = Eval(NewClock(), Received(At(3, 2, 9)), Rescheduled(At(3, 5, 9), At(3, 10, 17)));
        Assert.True(s.Rescheduled);
        Assert.True(s.ApologyLate);
        Assert.Equal(At(3, 10, 17), s.DueAt);
        Assert.Equal(At(3, 5, 17), s.OriginalDueAt);
    }

    [Theory]
    [InlineData(4, 16, 0, false)]
    [InlineData(4, 17, 0, false)] // exactly the end of the working day before: in time
    [InlineData(4, 17, 1, true)]
    [InlineData(3, 9, 0, false)]
    public void Reschedule_ApologyLateBoundary_IsEndOfTheWorkingDayBeforeTheDueDay(int day, int h, int m, bool late) =>
        Assert.Equal(late, Eval(NewClock(), Received(At(3, 2, 9)), Rescheduled(At(3, day, h, m), At(3, 12, 17))).ApologyLate);

    [Fact]
    public void Reschedule_WorkingDayBefore_SkipsWeekendAndHoliday()
    {
        // Due Tue 10/3 17:00 with Monday 9/3 a holiday → the working day before is Fri 6/3.
        var clock = NewClock(Holidays(D(3, 9)));
        var received = Received(At(3, 5, 9), procedure: "WD3"); // Fri, Tue, Wed → Wed 11/3; use authoritative due instead
        var r = received with { DueAt = At(3, 10, 17) };
        Assert.False(Eval(clock, r, Rescheduled(At(3, 6, 16), At(3, 13, 17))).ApologyLate);
        Assert.True(Eval(clock, r, Rescheduled(At(3, 7, 9), At(3, 13, 17))).ApologyLate);
    }

    [Fact]
    public void Rescheduled_JudgedAgainstOriginalDue_ByDefault_ElseAgainstNewDue()
    {
        var events = new[] { Received(At(3, 2, 9)), Rescheduled(At(3, 4, 9), At(3, 10, 17)), E(Processed, At(3, 9, 10)) };
        Assert.Equal(DossierOutcome.Late, Eval(NewClock(), events).Outcome);
        Assert.Equal(DossierOutcome.Early, Eval(NewClockWith(new ClockPolicy { RescheduleCountsLate = false }), events).Outcome);
    }

    [Fact]
    public void Rescheduled_EffectiveDueDrivesOverdue()
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)), Rescheduled(At(3, 4, 9), At(3, 10, 17)));
        Assert.False(s.IsOverdue(At(3, 9, 9)));
        Assert.True(s.IsOverdue(At(3, 10, 17, 1)));
    }

    [Fact]
    public void Pause_MovesOriginalDueToo()
    {
        // Due Thu 5/3 17:00, rescheduled to Tue 10/3 17:00. Pause Wed 4/3 09:00 → Thu 5/3 09:00 (8 h):
        // due → Wed 11/3 17:00, original → Fri 6/3 17:00.
        var s = Eval(NewClock(), Received(At(3, 2, 9)), Rescheduled(At(3, 3, 9), At(3, 10, 17)), E(SupplementRequested, At(3, 4, 9)), E(SupplementReceived, At(3, 5, 9)));
        Assert.Equal(At(3, 11, 17), s.DueAt);
        Assert.Equal(At(3, 6, 17), s.OriginalDueAt);
    }

    [Fact]
    public void DueSoonAndOverdue_Boundaries()
    {
        // Received Mon 2/3 09:00, WD3 → due Thu 5/3 17:00; due soon from Wed 4/3 17:00 (8 working hours left).
        var s = Eval(NewClock(), Received(At(3, 2, 9)));
        Assert.Equal(At(3, 4, 17), s.DueSoonAt);
        Assert.False(s.IsDueSoon(At(3, 4, 16, 59)));
        Assert.True(s.IsDueSoon(At(3, 4, 17)));
        Assert.True(s.IsDueSoon(At(3, 5, 17)));
        Assert.False(s.IsOverdue(At(3, 5, 17)));
        Assert.True(s.IsOverdue(At(3, 5, 17) + DossierState.Resolution));
        Assert.False(s.IsDueSoon(At(3, 5, 17) + DossierState.Resolution));
        Assert.Equal(DossierCategory.Running, s.Category(At(3, 4, 16)));
        Assert.Equal(DossierCategory.DueSoon, s.Category(At(3, 5, 9)));
        Assert.Equal(DossierCategory.Overdue, s.Category(At(3, 5, 18)));
    }

    [Fact]
    public void Escalation_AfterTwoWorkingDaysOverdue_StrictlyAfter()
    {
        // Due Thu 5/3 17:00 (holiday Mon 9/3): 16 working hours later = Fri 6/3 (8 h) + Tue 10/3 (8 h) → Tue 17:00.
        var s = Eval(_clock, Received(At(3, 2, 9)));
        Assert.Equal(At(3, 10, 17), s.EscalateAt);
        Assert.False(s.IsEscalated(At(3, 10, 17)));
        Assert.True(s.IsEscalated(At(3, 10, 17) + DossierState.Resolution));
    }

    [Fact]
    public void NextCheckAt_WalksDueSoonThenOverdueThenEscalation()
    {
        var s = Eval(NewClock(), Received(At(3, 2, 9)));
        Assert.Equal(At(3, 4, 17), s.NextCheckAt(At(3, 2, 9)));
        Assert.Equal(At(3, 5, 17) + DossierState.Resolution, s.NextCheckAt(At(3, 4, 17)));
        Assert.Equal(At(3, 9, 17) + DossierState.Resolution, s.NextCheckAt(At(3, 6, 9)));
        Assert.Null(s.NextCheckAt(At(3, 20, 9)));
    }

    [Fact]
    public void EventsAtTheSameInstant_ApplyInSequenceOrder()
    {
        var at = At(3, 3, 9);
        var req = E(SupplementRequested, at) with { Sequence = 2 };
        var rec = E(SupplementReceived, at) with { Sequence = 3 };
        var s = Eval(NewClock(), Received(At(3, 2, 9)) with { Sequence = 1 }, rec, req);
        Assert.False(s.Paused);
        Assert.Equal(At(3, 5, 17), s.DueAt);
    }

    [Fact]
    public void RuleSet_SelectedByLocalReceiptDate()
    {
        var clock = NewClock();
        Assert.Equal(RuleSetCatalog.Decree61Id, Eval(clock, Received(VietnamTime.At(2025, 6, 30, 23, 30))).RuleSetId);
        Assert.Equal(RuleSetCatalog.Decree118Id, Eval(clock, Received(VietnamTime.At(2025, 7, 1, 0, 30))).RuleSetId);
        // 17:30 UTC on 30/6 is 00:30 on 1/7 in Vietnam.
        Assert.Equal(RuleSetCatalog.Decree118Id, Eval(clock, Received(new DateTimeOffset(2025, 6, 30, 17, 30, 0, TimeSpan.Zero))).RuleSetId);
    }

    [Fact]
    public void RuleSet_PolicyIsData_APolicyDifferenceChangesOnlyItsReceipts()
    {
        var catalog = RuleSetCatalog.CreateVietnam(new ClockPolicy { SameDayCutoff = new TimeOnly(16, 0) }, null);
        var clock = NewClock(null, catalog);
        // Same-day procedure received 15:30: before 16:00 under the old set (same day), after 15:00 under the new one.
        Assert.Equal(VietnamTime.At(2025, 6, 30, 17), Eval(clock, Received(VietnamTime.At(2025, 6, 30, 15, 30), procedure: "WD0")).DueAt);
        Assert.Equal(VietnamTime.At(2025, 7, 2, 17), Eval(clock, Received(VietnamTime.At(2025, 7, 1, 15, 30), procedure: "WD0")).DueAt);
    }

    [Fact]
    public void UnitSchedule_OverridesPolicyOfficeHours()
    {
        var clock = new DossierClock(CalendarData.Empty, Catalog, null, unit => unit == "SAT" ? new OfficeSchedule { CountSaturdays = true } : null);
        // Received Fri 6/3 09:00, WD3: Sat 7 (1), Mon 9 (2), Tue 10 (3) for the Saturday unit; Wed 11 for others.
        Assert.Equal(At(3, 10, 17), Eval(clock, Received(At(3, 6, 9), unit: "SAT")).DueAt);
        Assert.Equal(At(3, 11, 17), Eval(clock, Received(At(3, 6, 9), unit: "U1")).DueAt);
    }

    [Fact]
    public void EventTypes_MapToApiStrings()
    {
        Assert.Equal(13, DossierEventTypes.All.Count);
        foreach (var type in Enum.GetValues<DossierEventType>())
        {
            Assert.Equal(type, DossierEventTypes.Parse(type.ToApiString()));
        }

        Assert.Equal("supplement_requested", SupplementRequested.ToApiString());
        Assert.Equal("fee_paid", FeePaid.ToApiString());
        Assert.False(DossierEventTypes.TryParse("Received", out _));
        Assert.False(DossierEventTypes.TryParse("overdue", out _));
    }
}
