using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

public abstract partial class StorageContractTests<TBackend>
{
    [BackendFact]
    public async Task Webhooks_NewOnesStartAtTheGivenSequence_ExistingOnesKeepTheirCursor()
    {
        await Storage.Webhooks.UpsertAsync([new WebhookRecord("W1", "http://127.0.0.1:9/a", "s1", "U1"), new WebhookRecord("W2", "http://127.0.0.1:9/b", "s2", null)], 5, Ct);
        var failing = new WebhookCursor("W1", 9, 2, T0.AddMinutes(1), "HTTP 503");
        await Storage.Webhooks.SaveCursorAsync(failing, Ct);

        await Storage.Webhooks.UpsertAsync([new WebhookRecord("W1", "http://127.0.0.1:9/new", "s1b", "U2"), new WebhookRecord("W3", "http://127.0.0.1:9/c", "s3", null)], 20, Ct);

        Assert.Equal(
            [new WebhookRecord("W1", "http://127.0.0.1:9/new", "s1b", "U2"), new WebhookRecord("W2", "http://127.0.0.1:9/b", "s2", null), new WebhookRecord("W3", "http://127.0.0.1:9/c", "s3", null)],
            await Storage.Webhooks.GetAllAsync(Ct));
        Assert.Equal(failing, await Storage.Webhooks.GetCursorAsync("W1", Ct));
        Assert.Equal(new WebhookCursor("W2", 5, 0, null, null), await Storage.Webhooks.GetCursorAsync("W2", Ct));
        Assert.Equal(new WebhookCursor("W3", 20, 0, null, null), await Storage.Webhooks.GetCursorAsync("W3", Ct));

        Assert.True(await Storage.Webhooks.DeleteAsync("W2", Ct));
        Assert.False(await Storage.Webhooks.DeleteAsync("W2", Ct));
        Assert.Null(await Storage.Webhooks.GetCursorAsync("W2", Ct));
        await Storage.Webhooks.SaveCursorAsync(new WebhookCursor("W2", 30, 0, null, null), Ct); // a late save for a deleted webhook
        Assert.Null(await Storage.Webhooks.GetCursorAsync("W2", Ct));
        Assert.Equal(["W1", "W3"], (await Storage.Webhooks.GetAllAsync(Ct)).Select(w => w.Id));
    }

    [BackendFact]
    public async Task ApiKeys_UpsertIsIdempotentForTheSameHash_RefusesAnotherHash_AndRevokes()
    {
        var key = new ApiKeyRecord("k1", "bootstrap", "admin", null, new string('a', 64), T0, null);
        var scoped = new ApiKeyRecord("k2", "province feed", "ingest", "P01", new string('b', 64), T0.AddMinutes(1), null);
        await Storage.Keys.UpsertAsync(key, Ct);
        await Storage.Keys.UpsertAsync(scoped, Ct);
        await Storage.Keys.UpsertAsync(key with { Name = "bootstrap admin" }, Ct);

        var conflict = await Assert.ThrowsAsync<InvalidOperationException>(() => Storage.Keys.UpsertAsync(key with { SecretHash = new string('c', 64) }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Keys.UpsertAsync(key with { Id = "k3", Role = "root" }, Ct));

        Assert.Contains("k1", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(key with { Name = "bootstrap admin" }, await Storage.Keys.GetAsync("k1", Ct));
        Assert.True(await Storage.Keys.RevokeAsync("k2", T0.AddHours(1), Ct));
        Assert.True(await Storage.Keys.RevokeAsync("k2", T0.AddHours(2), Ct));
        Assert.False(await Storage.Keys.RevokeAsync("k-none", T0, Ct));
        Assert.Null(await Storage.Keys.GetAsync("k3", Ct));
        Assert.Equal([key with { Name = "bootstrap admin" }, scoped with { RevokedAt = T0.AddHours(1) }], await Storage.Keys.GetAllAsync(Ct));
    }

    [BackendFact]
    public async Task ReferenceData_UpsertsReplaceByIdInOneTransaction()
    {
        await Storage.Reference.UpsertUnitsAsync([new UnitRecord("VN", "Việt Nam", null, "nation", []), new UnitRecord("P01", "Hà Nội", "VN", "province", ["L1"])], Ct);
        await Storage.Reference.UpsertUnitsAsync([new UnitRecord("P01", "Thành phố Hà Nội", "VN", "province", ["L2", "L3"])], Ct);
        await Storage.Reference.UpsertOfficersAsync([new OfficerRecord("O1", "Nguyễn Văn A", "P01"), new OfficerRecord("O2", "Trần Thị B", "P01")], Ct);
        await Storage.Reference.UpsertOfficersAsync([new OfficerRecord("O2", "Trần Thị B", "VN")], Ct);
        await Storage.Reference.UpsertProceduresAsync([new ProcedureRecord("1.001", "Đăng ký kết hôn", 5, "working_days", false)], Ct);
        await Storage.Reference.UpsertProceduresAsync([new ProcedureRecord("1.001", "Đăng ký kết hôn", 3, "working_days", true), new ProcedureRecord("2.002", "Cấp phép", 8, "working_hours", false)], Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Reference.UpsertProceduresAsync(
            [new ProcedureRecord("3.003", "Good", 1, "days", false), new ProcedureRecord("4.004", "Bad", 1, "fortnights", false)],
            Ct));

        var units = await Storage.Reference.GetUnitsAsync(Ct);
        Assert.Equal(["P01", "VN"], units.Select(u => u.Id));
        Assert.Equal(("Thành phố Hà Nội", "VN", "province"), (units[0].Name, units[0].ParentId, units[0].Level));
        Assert.Equal(["L2", "L3"], units[0].Leaders);
        Assert.Null(units[1].ParentId);
        Assert.Empty(units[1].Leaders);
        Assert.Equal([new OfficerRecord("O1", "Nguyễn Văn A", "P01"), new OfficerRecord("O2", "Trần Thị B", "VN")], await Storage.Reference.GetOfficersAsync(Ct));
        Assert.Equal(
            [new ProcedureRecord("1.001", "Đăng ký kết hôn", 3, "working_days", true), new ProcedureRecord("2.002", "Cấp phép", 8, "working_hours", false)],
            await Storage.Reference.GetProceduresAsync(Ct));
    }

    [BackendFact]
    public async Task Calendar_DatesGivenAgainTakeTheNewKind_AndOfficeHoursChangeOnlyWhenGiven()
    {
        Assert.Equal((0, (IReadOnlyList<OfficePeriodRecord>?)null), await CalendarShape());
        OfficePeriodRecord[] hours = [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];
        await Storage.Reference.UpsertCalendarAsync(
            [new CalendarDayRecord(new DateOnly(2026, 2, 16), false, "Tết"), new CalendarDayRecord(new DateOnly(2026, 2, 28), true, "make-up")],
            hours,
            Ct);
        await Storage.Reference.UpsertCalendarAsync([new CalendarDayRecord(new DateOnly(2026, 2, 28), false, null)], null, Ct);

        var calendar = await Storage.Reference.GetCalendarAsync(Ct);

        Assert.Equal([new CalendarDayRecord(new DateOnly(2026, 2, 16), false, "Tết"), new CalendarDayRecord(new DateOnly(2026, 2, 28), false, null)], calendar.Days);
        Assert.Equal(hours, calendar.OfficeHours);

        await Storage.Reference.UpsertCalendarAsync([], [new(new TimeOnly(7, 30), new TimeOnly(11, 30, 15))], Ct);
        Assert.Equal([new OfficePeriodRecord(new TimeOnly(7, 30), new TimeOnly(11, 30, 15))], (await Storage.Reference.GetCalendarAsync(Ct)).OfficeHours);
    }

    private async Task<(int Days, IReadOnlyList<OfficePeriodRecord>? Hours)> CalendarShape()
    {
        var calendar = await Storage.Reference.GetCalendarAsync(Ct);
        return (calendar.Days.Count, calendar.OfficeHours);
    }
}
