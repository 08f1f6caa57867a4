using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// Realistic reference data and dossiers for a real silo, through the SDK: the nation, two provinces with two
/// communes each and a provincial department with nothing received, an officer per commune, three procedures,
/// and per commune dossiers in every state (open in time, due soon, overdue, paused, finished early, on time and
/// late); the first commune of each province also has a second supplement request and a refused second
/// reschedule, and Nha Trang has enough open dossiers (20+) to appear in the "worst units by late ratio" panel.
/// Times are relative to <c>now</c> (the silo runs on the system clock).
/// </summary>
public static class LiveGrid
{
    public const string Nation = "VN";
    public const string KhanhHoa = "56";
    public const string HoChiMinh = "79";
    public const string NhaTrang = "56-22333";
    public const string CamLam = "56-22366";
    public const string JusticeDepartment = "56-STP";
    public const string SaiGon = "79-26734";
    public const string BenThanh = "79-26740";

    /// <summary>A procedure of 3 working days, used for overdue dossiers.</summary>
    public const string ShortProcedure = "1.001193";

    private const string LongProcedure = "1.004227";
    private const string HoursProcedure = "2.000908";

    public static IReadOnlyList<string> Communes { get; } = [NhaTrang, CamLam, SaiGon, BenThanh];

    public static IReadOnlyList<Unit> Units { get; } =
    [
        new(Nation, "Việt Nam", null, "nation", ["LD-VN"]),
        new(KhanhHoa, "Tỉnh Khánh Hòa", Nation, "province", ["LD-56"]),
        new(HoChiMinh, "Thành phố Hồ Chí Minh", Nation, "province", ["LD-79"]),
        new(NhaTrang, "Phường Nha Trang", KhanhHoa, "commune", ["LD-5601"]),
        new(CamLam, "Xã Cam Lâm", KhanhHoa, "commune", ["LD-5602"]),
        new(JusticeDepartment, "Sở Tư pháp", KhanhHoa, "department", ["LD-56STP"]),
        new(SaiGon, "Phường Sài Gòn", HoChiMinh, "commune", ["LD-7901"]),
        new(BenThanh, "Phường Bến Thành", HoChiMinh, "commune", ["LD-7902"]),
    ];

    /// <summary>The officer who handles a commune's dossiers.</summary>
    public static string OfficerOf(string commune) => "CB-" + commune.Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>Puts the reference data and every seeded dossier; fails unless every event was accepted.</summary>
    public static async Task SeedAsync(SlaGridClient client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.PutUnitsAsync(Units, cancellationToken);
        await client.PutOfficersAsync(
            [
                .. Communes.Select(c => new Officer(OfficerOf(c), "Cán bộ " + Units.First(u => u.Id == c).Name, c)),
                new Officer("CB-56STP", "Trần Thị Thu", JusticeDepartment),
            ],
            cancellationToken);
        await client.PutProceduresAsync(
            [
                new Procedure(ShortProcedure, "Đăng ký khai sinh", new ProcedureLimit(3, LimitUnits.WorkingDays)),
                new Procedure(LongProcedure, "Cấp giấy chứng nhận quyền sử dụng đất", new ProcedureLimit(30, LimitUnits.Days)),
                new Procedure(HoursProcedure, "Chứng thực bản sao", new ProcedureLimit(8, LimitUnits.WorkingHours)),
            ],
            cancellationToken);

        var events = new List<DossierEvent>();
        foreach (var commune in Communes)
        {
            events.AddRange(DossiersOf(commune, now));
        }

        events.AddRange(SecondSupplement(NhaTrang, now));
        events.AddRange(SecondSupplement(SaiGon, now));
        for (var i = 0; i < 20; i++)
        {
            events.Add(Received($"HS-{NhaTrang}-B{i:00}", NhaTrang, now.AddHours(-1 - i), LongProcedure, now.AddDays(15)));
        }

        await PostAllAcceptedAsync(client, events, cancellationToken);

        // A second reschedule is refused (reschedule_limit): posted after the first one was accepted.
        await PostAllAcceptedAsync(client, [.. Reschedule(NhaTrang, now), .. Reschedule(SaiGon, now)], cancellationToken);
        var second = await client.PostEventsAsync(
            [
                Rescheduled($"HS-{NhaTrang}-R", now.AddHours(-2), now.AddDays(6), "-2"),
                Rescheduled($"HS-{SaiGon}-R", now.AddHours(-2), now.AddDays(6), "-2"),
            ],
            cancellationToken);
        if (second.Results.Any(r => r.Status != IngestStatuses.Rejected))
        {
            throw new InvalidOperationException("A second reschedule was not rejected: " + string.Join(", ", second.Results));
        }
    }

    /// <summary>A dossier received at <paramref name="receivedAt"/> (old enough: overdue at once).</summary>
    public static DossierEvent Received(string dossierId, string unitId, DateTimeOffset receivedAt, string procedure = ShortProcedure, DateTimeOffset? dueAt = null) =>
        new($"{dossierId}-received", dossierId, EventTypes.Received, receivedAt, unitId, procedure, OfficerOf(unitId), dueAt);

    private static IEnumerable<DossierEvent> DossiersOf(string commune, DateTimeOffset now)
    {
        var p = $"HS-{commune}";
        yield return Received($"{p}-OPEN", commune, now.AddHours(-2), LongProcedure, now.AddDays(20));
        yield return Received($"{p}-SOON", commune, now.AddDays(-3), LongProcedure, now.AddHours(3));
        yield return Received($"{p}-LATE", commune, now.AddDays(-40));
        yield return Received($"{p}-PAUSED", commune, now.AddDays(-1), LongProcedure, now.AddDays(10));
        yield return Event($"{p}-PAUSED", EventTypes.SupplementRequested, now.AddHours(-1));

        // Finished: early (an earlier date than due), on time (the due date, before the due time), late.
        yield return Received($"{p}-EARLY", commune, now.AddDays(-20), LongProcedure, now.AddDays(-10));
        yield return Event($"{p}-EARLY", EventTypes.Processed, now.AddDays(-15));
        var dueDay = VietnamDay(now.AddDays(-10));
        yield return Received($"{p}-ONTIME", commune, now.AddDays(-20), LongProcedure, dueDay.AddHours(17));
        yield return Event($"{p}-ONTIME", EventTypes.Processed, dueDay.AddHours(10));
        yield return Received($"{p}-FINLATE", commune, now.AddDays(-30), LongProcedure, now.AddDays(-25));
        yield return Event($"{p}-FINLATE", EventTypes.Processed, now.AddDays(-20));
    }

    private static IEnumerable<DossierEvent> SecondSupplement(string commune, DateTimeOffset now)
    {
        var id = $"HS-{commune}-S2";
        yield return Received(id, commune, now.AddDays(-5), LongProcedure, now.AddDays(10));
        yield return Event(id, EventTypes.SupplementRequested, now.AddDays(-4), "-1");
        yield return Event(id, EventTypes.SupplementReceived, now.AddDays(-3));
        yield return Event(id, EventTypes.SupplementRequested, now.AddDays(-2), "-2");
    }

    private static IEnumerable<DossierEvent> Reschedule(string commune, DateTimeOffset now)
    {
        var id = $"HS-{commune}-R";
        yield return Received(id, commune, now.AddDays(-5), LongProcedure, now.AddDays(2));
        yield return Rescheduled(id, now.AddDays(-1), now.AddDays(5), "-1");
    }

    private static DossierEvent Rescheduled(string dossierId, DateTimeOffset at, DateTimeOffset newDueAt, string suffix) =>
        new($"{dossierId}-rescheduled{suffix}", dossierId, EventTypes.Rescheduled, at, NewDueAt: newDueAt);

    private static DossierEvent Event(string dossierId, string type, DateTimeOffset at, string suffix = "") =>
        new($"{dossierId}-{type}{suffix}", dossierId, type, at);

    /// <summary>Midnight (Vietnam time, +07:00) of the day <paramref name="instant"/> falls on there.</summary>
    private static DateTimeOffset VietnamDay(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(7));
        return new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, TimeSpan.FromHours(7));
    }

    private static async Task PostAllAcceptedAsync(SlaGridClient client, IReadOnlyList<DossierEvent> events, CancellationToken cancellationToken)
    {
        var response = await client.PostEventsAsync(events, cancellationToken);
        var refused = response.Results.Where(r => r.Status != IngestStatuses.Accepted).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException("Seed events were not accepted: " + string.Join(", ", refused));
        }
    }
}
