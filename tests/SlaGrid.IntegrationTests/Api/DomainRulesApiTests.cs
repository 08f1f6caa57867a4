using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>
/// DOMAIN.md rules 1–11 end to end through the HTTP API, with fixed past times (March 2026: Mon 2/3 … Fri 6/3,
/// Mon 9/3 …) so that the real clock of the silo is months later and every open dossier is overdue.
/// Default procedure WD5: 5 working days; a receipt Mon 2/3 09:00 is due Mon 9/3 17:00.
/// </summary>
public sealed class DomainRulesApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private HttpClient Http => api.Http;

    private Task<JsonNode> Dossier(string id) => Http.GetJsonAsync($"api/v1/dossiers/{id}");

    [PostgresTheory]
    [InlineData(6, 12, "early")]
    [InlineData(9, 8, "on_time")]
    [InlineData(9, 17, "on_time")]
    [InlineData(10, 8, "late")]
    public async Task Rule7_Outcome_ComparesTheEndWithTheDueDateAndTime(int day, int hour, string outcome)
    {
        var id = $"R7-{day}-{hour}";
        await Http.AcceptAsync(Ev.Received($"{id}-r", id, Ev.T(3, 2, 9)), Ev.Of($"{id}-p", id, "processed", Ev.T(3, day, hour)));
        var dossier = await Dossier(id);
        Assert.Equal(outcome, (string?)dossier["outcome"]);
        Assert.Equal(Ev.T(3, day, hour), (string?)dossier["finishedAt"]);
    }

    [PostgresFact]
    public async Task Rule7_EndingOnTheDueDayButAfterTheDueTime_IsLate()
    {
        await Http.AcceptAsync(Ev.Received("r7b-r", "R7B", Ev.T(3, 2, 9)), Ev.Of("r7b-p", "R7B", "processed", Ev.T(3, 9, 17, 1)));
        Assert.Equal("late", (string?)(await Dossier("R7B"))["outcome"]);
    }

    [PostgresTheory]
    [InlineData("refused", 6, "early")]
    [InlineData("withdrawn", 9, "on_time")]
    [InlineData("stopped", 10, "late")]
    [InlineData("returned", 9, "on_time")]
    public async Task Rule7_RefusedWithdrawnStoppedAndReturnedWithoutProcessed_EndAndAreJudged(string type, int day, string outcome)
    {
        var id = $"R7E-{type}";
        await Http.AcceptAsync(Ev.Received($"{id}-r", id, Ev.T(3, 2, 9)), Ev.Of($"{id}-e", id, type, Ev.T(3, day, 10)));
        var dossier = await Dossier(id);
        Assert.Equal(type, (string?)dossier["status"]);
        Assert.Equal(Ev.T(3, day, 10), (string?)dossier["finishedAt"]);
        Assert.Equal(outcome, (string?)dossier["outcome"]);
        Assert.False((bool)dossier["overdue"]!);

        // Ended: nothing else moves it (a returned after the others is the one exception).
        var results = await Http.IngestAsync(Ev.Of($"{id}-x", id, "supplement_requested", Ev.T(3, day, 11)));
        ApiHttp.AssertRejected(results[0], $"{id}-x", "dossier_ended");
    }

    [PostgresFact]
    public async Task Rule7_ReturnedAfterProcessed_KeepsTheProcessedEnd()
    {
        await Http.AcceptAsync(
            Ev.Received("r7r-r", "R7R", Ev.T(3, 2, 9)),
            Ev.Of("r7r-p", "R7R", "processed", Ev.T(3, 9, 16)),
            Ev.Of("r7r-t", "R7R", "returned", Ev.T(3, 12, 10)));
        var dossier = await Dossier("R7R");
        Assert.Equal("returned", (string?)dossier["status"]);
        Assert.Equal(Ev.T(3, 9, 16), (string?)dossier["finishedAt"]);
        Assert.Equal("on_time", (string?)dossier["outcome"]);
        ApiHttp.AssertRejected((await Http.IngestAsync(Ev.Of("r7r-t2", "R7R", "returned", Ev.T(3, 13, 10))))[0], "r7r-t2", "dossier_ended");
    }

    [PostgresFact]
    public async Task Rule4_Pause_FreezesDueAt_NeitherDueSoonNorOverdue_AndResumeKeepsTheRemainingTime()
    {
        // Paused Fri 6/3 16:00 with 9 working hours left (Fri 16–17, Mon 8–17); resumed Mon 9/3 09:00 → Tue 10/3 10:00.
        await Http.AcceptAsync(Ev.Received("r4-r", "R4", Ev.T(3, 2, 9)), Ev.Of("r4-s", "R4", "supplement_requested", Ev.T(3, 6, 16)));
        var paused = await Dossier("R4");
        Assert.True((bool)paused["paused"]!);
        Assert.False((bool)paused["overdue"]!);
        Assert.False((bool)paused["dueSoon"]!);
        Assert.Equal("supplement_requested", (string?)paused["status"]);
        Assert.Equal(Ev.T(3, 9, 17), (string?)paused["dueAt"]);
        Assert.Equal(1, (int)paused["supplementRequests"]!);

        await Http.AcceptAsync(Ev.Of("r4-b", "R4", "supplement_received", Ev.T(3, 9, 9)));
        var resumed = await Dossier("R4");
        Assert.False((bool)resumed["paused"]!);
        Assert.Equal(Ev.T(3, 10, 10), (string?)resumed["dueAt"]);
        Assert.Equal(Ev.T(3, 10, 10), (string?)resumed["originalDueAt"]);
        Assert.True((bool)resumed["overdue"]!);
    }

    [PostgresFact]
    public async Task Rule4_RemainingTimeEndingAtTheEndOfAPeriod_GivesThatEnd()
    {
        // Paused Tue 3/3 13:00 (36 h left), resumed Wed 4/3 13:00: 36 h later is Tue 10/3 17:00, not Wed 11/3 08:00.
        await Http.AcceptAsync(
            Ev.Received("r4e-r", "R4E", Ev.T(3, 2, 9)),
            Ev.Of("r4e-s", "R4E", "supplement_requested", Ev.T(3, 3, 13)),
            Ev.Of("r4e-b", "R4E", "supplement_received", Ev.T(3, 4, 13)));
        Assert.Equal(Ev.T(3, 10, 17), (string?)(await Dossier("R4E"))["dueAt"]);
    }

    [PostgresFact]
    public async Task Rule4_PauseStartingAfterTheDueTime_DoesNotUndoTheLateness()
    {
        await Http.AcceptAsync(
            Ev.Received("r4l-r", "R4L", Ev.T(3, 2, 9)),
            Ev.Of("r4l-s", "R4L", "supplement_requested", Ev.T(3, 11, 9)),
            Ev.Of("r4l-b", "R4L", "supplement_received", Ev.T(3, 13, 9)),
            Ev.Of("r4l-p", "R4L", "processed", Ev.T(3, 13, 10)));
        var dossier = await Dossier("R4L");
        Assert.Equal(Ev.T(3, 9, 17), (string?)dossier["dueAt"]);
        Assert.Equal("late", (string?)dossier["outcome"]);
    }

    [PostgresFact]
    public async Task Rule4_FeesPauseTheClock_OnlyWhenTheProcedureSaysSo()
    {
        await Http.AcceptAsync(
            Ev.Received("r4f-r", "R4F", Ev.T(3, 2, 9), procedureCode: "FEE5"),
            Ev.Of("r4f-q", "R4F", "fee_requested", Ev.T(3, 6, 16)),
            Ev.Of("r4f-p", "R4F", "fee_paid", Ev.T(3, 9, 9)),
            Ev.Received("r4n-r", "R4N", Ev.T(3, 2, 9), procedureCode: "FEE5N"),
            Ev.Of("r4n-q", "R4N", "fee_requested", Ev.T(3, 6, 16)));
        Assert.Equal(Ev.T(3, 10, 10), (string?)(await Dossier("R4F"))["dueAt"]);
        var notPaused = await Dossier("R4N");
        Assert.False((bool)notPaused["paused"]!);
        Assert.True((bool)notPaused["overdue"]!);
        Assert.Equal("fee_requested", (string?)notPaused["status"]);
        await Http.AcceptAsync(Ev.Of("r4n-p", "R4N", "fee_paid", Ev.T(3, 9, 9)));
        Assert.Equal(Ev.T(3, 9, 17), (string?)(await Dossier("R4N"))["dueAt"]);
    }

    [PostgresFact]
    public async Task Rule5_SecondSupplementRequest_EndsLateWhateverItsTimes()
    {
        await Http.AcceptAsync(
            Ev.Received("r5-r", "R5", Ev.T(3, 2, 9)),
            Ev.Of("r5-s1", "R5", "supplement_requested", Ev.T(3, 2, 10)),
            Ev.Of("r5-b1", "R5", "supplement_received", Ev.T(3, 2, 11)),
            Ev.Of("r5-s2", "R5", "supplement_requested", Ev.T(3, 2, 13)),
            Ev.Of("r5-b2", "R5", "supplement_received", Ev.T(3, 2, 14)),
            Ev.Of("r5-p", "R5", "processed", Ev.T(3, 3, 9)),
            Ev.Received("r5o-r", "R5O", Ev.T(3, 2, 9)),
            Ev.Of("r5o-s1", "R5O", "supplement_requested", Ev.T(3, 2, 10)),
            Ev.Of("r5o-b1", "R5O", "supplement_received", Ev.T(3, 2, 11)),
            Ev.Of("r5o-p", "R5O", "processed", Ev.T(3, 3, 9)));
        var twice = await Dossier("R5");
        Assert.Equal(2, (int)twice["supplementRequests"]!);
        Assert.Equal("late", (string?)twice["outcome"]);
        Assert.Equal("early", (string?)(await Dossier("R5O"))["outcome"]);
    }

    [PostgresFact]
    public async Task Rule6_RescheduleOnce_ThenRescheduleLimit_EvenWithAnEarlierAt()
    {
        await Http.AcceptAsync(Ev.Received("r6-r", "R6", Ev.T(3, 2, 9)), Ev.Rescheduled("r6-a", "R6", Ev.T(3, 6, 15), Ev.T(3, 13, 17)));
        var dossier = await Dossier("R6");
        Assert.True((bool)dossier["rescheduled"]!);
        Assert.False((bool)dossier["apologyLate"]!);
        Assert.Equal(Ev.T(3, 13, 17), (string?)dossier["dueAt"]);
        Assert.Equal(Ev.T(3, 9, 17), (string?)dossier["originalDueAt"]);

        var results = await Http.IngestAsync(
            Ev.Rescheduled("r6-b", "R6", Ev.T(3, 12, 9), Ev.T(3, 20, 17)),
            Ev.Rescheduled("r6-c", "R6", Ev.T(3, 3, 9), Ev.T(3, 20, 17)));
        ApiHttp.AssertRejected(results[0], "r6-b", "reschedule_limit");
        ApiHttp.AssertRejected(results[1], "r6-c", "reschedule_limit");
        Assert.Equal(Ev.T(3, 13, 17), (string?)(await Dossier("R6"))["dueAt"]);

        // Judged against the original due time: processed before the new date but after the original one is late.
        await Http.AcceptAsync(Ev.Of("r6-p", "R6", "processed", Ev.T(3, 12, 9)));
        Assert.Equal("late", (string?)(await Dossier("R6"))["outcome"]);
    }

    [PostgresTheory]
    [InlineData(6, 17, false)]
    [InlineData(7, 10, true)]
    [InlineData(9, 9, true)]
    public async Task Rule6_ApologyLaterThanTheWorkingDayBeforeTheDueDay_IsFlaggedApologyLate(int day, int hour, bool late)
    {
        var id = $"R6A-{day}-{hour}";
        await Http.AcceptAsync(Ev.Received($"{id}-r", id, Ev.T(3, 2, 9)), Ev.Rescheduled($"{id}-a", id, Ev.T(3, day, hour), Ev.T(3, 13, 17)));
        Assert.Equal(late, (bool)(await Dossier(id))["apologyLate"]!);
    }

    [PostgresFact]
    public async Task Rule3_ReceivedDueAt_IsAuthoritative()
    {
        await Http.AcceptAsync(
            Ev.Received("r3-r", "R3", Ev.T(3, 2, 9), dueAt: Ev.T(3, 20, 11)),
            Ev.Of("r3-p", "R3", "processed", Ev.T(3, 20, 10)),
            Ev.Received("r3l-r", "R3L", Ev.T(3, 2, 9), dueAt: Ev.T(3, 20, 11)),
            Ev.Of("r3l-p", "R3L", "processed", Ev.T(3, 20, 11, 30)));
        var dossier = await Dossier("R3");
        Assert.Equal(Ev.T(3, 20, 11), (string?)dossier["dueAt"]);
        Assert.Equal(Ev.T(3, 20, 11), (string?)dossier["originalDueAt"]);
        Assert.Equal("on_time", (string?)dossier["outcome"]);
        Assert.Equal("late", (string?)(await Dossier("R3L"))["outcome"]);
    }

    [PostgresTheory]
    [InlineData("2026-03-07T10:00:00+07:00", "H4", "2026-03-09T12:00:00+07:00")] // Saturday: starts Mon 08:00
    [InlineData("2026-03-02T12:30:00+07:00", "H4", "2026-03-02T17:00:00+07:00")] // lunch: starts 13:00
    [InlineData("2026-03-02T17:30:00+07:00", "WD5", "2026-03-10T17:00:00+07:00")] // evening: starts Tue 08:00
    [InlineData("2026-04-27T10:00:00+07:00", "WD5", "2026-05-07T17:00:00+07:00")] // Hùng Kings day off; 30/4 and 1/5 too
    [InlineData("2026-02-13T16:00:00+07:00", "WD5", "2026-02-27T17:00:00+07:00")] // the day before Tết 14/2–22/2
    [InlineData("2026-02-16T09:00:00+07:00", "H4", "2026-02-23T12:00:00+07:00")] // in Tết: starts Mon 23/2 08:00
    [InlineData("2026-03-02T14:59:00+07:00", "WD0", "2026-03-02T17:00:00+07:00")] // same day before the 15:00 cutoff
    [InlineData("2026-03-02T15:00:00+07:00", "WD0", "2026-03-03T17:00:00+07:00")] // at the cutoff: next working day
    [InlineData("2026-03-04T09:00:00+07:00", "D10", "2026-03-16T17:00:00+07:00")] // 10 days → Sat 14/3 → Mon 16/3
    [InlineData("2025-06-30T09:00:00+07:00", "WD5", "2025-07-07T17:00:00+07:00")] // Decree 61 era (rule 11)
    [InlineData("2025-07-01T09:00:00+07:00", "WD5", "2025-07-08T17:00:00+07:00")] // Decree 118 era (rule 11)
    public async Task Rules1To3_StartAndDue_FollowTheVietnamCalendar(string at, string procedure, string due)
    {
        var id = $"R13-{at[..16].Replace(':', '-')}-{procedure}";
        await Http.AcceptAsync(Ev.Received($"{id}-r", id, at, procedureCode: procedure));
        var dossier = await Dossier(id);
        Assert.Equal(due, (string?)dossier["dueAt"]);
        Assert.Equal(at, (string?)dossier["receivedAt"]);
    }

    [PostgresFact]
    public async Task OutOfOrderEvent_ArrivingLate_IsPutInItsPlace_AndTheCountsFollow()
    {
        var province = await api.NewSubtreeAsync("OO");
        await Http.AcceptAsync(
            Ev.Received("oo-r", "OO-D", Ev.T(3, 2, 9), unitId: "OO-C1", officerId: "OO-O1"),
            Ev.Of("oo-p", "OO-D", "processed", Ev.T(3, 12, 16)));
        Assert.Equal("late", (string?)(await Dossier("OO-D"))["outcome"]);
        Assert.Equal(1, (long)(await Http.GetJsonAsync($"api/v1/units/{province}/stats"))["finishedLate"]!);

        // A supplement wait from Tue 3/3 09:00 to Fri 6/3 09:00 arrives afterwards: due moves to Thu 12/3 17:00.
        await Http.AcceptAsync(
            Ev.Of("oo-s", "OO-D", "supplement_requested", Ev.T(3, 3, 9)),
            Ev.Of("oo-b", "OO-D", "supplement_received", Ev.T(3, 6, 9)));
        var dossier = await Dossier("OO-D");
        Assert.Equal(Ev.T(3, 12, 17), (string?)dossier["dueAt"]);
        Assert.Equal("on_time", (string?)dossier["outcome"]);
        var stats = await Http.GetJsonAsync($"api/v1/units/{province}/stats");
        Assert.Equal(0, (long)stats["finishedLate"]!);
        Assert.Equal(1, (long)stats["finishedOnTime"]!);
        var officer = await Http.GetJsonAsync("api/v1/officers/OO-O1/stats");
        Assert.Equal(1, (long)officer["finishedOnTime"]!);
        Assert.Equal(0, (long)officer["finishedLate"]!);
    }

    [PostgresFact]
    public async Task Rule10_Attribution_LatestByAtForUnitAndOfficerSeparately_AndCountsMove()
    {
        await api.NewSubtreeAsync("AT");
        await Http.AcceptAsync(
            Ev.Received("at-r", "AT-D", Ev.T(3, 2, 9), unitId: "AT-C1", officerId: "AT-O1"),
            Ev.Assigned("at-u", "AT-D", Ev.T(3, 3, 9), unitId: "AT-C2"),
            Ev.Assigned("at-o", "AT-D", Ev.T(3, 4, 9), officerId: "AT-O2"));

        // Arrives last but happened first: it changes nothing of who is accountable now.
        await Http.AcceptAsync(Ev.Assigned("at-old", "AT-D", Ev.T(3, 2, 10), unitId: "AT-C1", officerId: "AT-O1"));

        var dossier = await Dossier("AT-D");
        Assert.Equal("AT-C2", (string?)dossier["unitId"]);
        Assert.Equal("AT-O2", (string?)dossier["officerId"]);
        Assert.Equal(0, (long)(await Http.GetJsonAsync("api/v1/units/AT-C1/stats"))["received"]!);
        Assert.Equal(1, (long)(await Http.GetJsonAsync("api/v1/units/AT-C2/stats"))["received"]!);
        Assert.Equal(1, (long)(await Http.GetJsonAsync("api/v1/units/AT-P/stats"))["received"]!);
        Assert.Equal(0, (long)(await Http.GetJsonAsync("api/v1/officers/AT-O1/stats"))["received"]!);
        Assert.Equal(1, (long)(await Http.GetJsonAsync("api/v1/officers/AT-O2/stats"))["received"]!);

        // A later hand-over naming only a unit keeps the officer.
        await Http.AcceptAsync(Ev.Assigned("at-u2", "AT-D", Ev.T(3, 5, 9), unitId: "AT-C1"));
        dossier = await Dossier("AT-D");
        Assert.Equal("AT-C1", (string?)dossier["unitId"]);
        Assert.Equal("AT-O2", (string?)dossier["officerId"]);
        Assert.Equal("processing", (string?)dossier["status"]);
    }
}
