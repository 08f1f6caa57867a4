using System.Globalization;
using System.Text.Json.Nodes;

namespace SlaGrid.IntegrationTests.Page;

/// <summary>A small country for the page tests: the nation, two provinces, two communes, their figures, dossiers and alerts.</summary>
public static class PageData
{
    /// <summary>The key the fake accepts.</summary>
    public const string ApiKey = "test-read-key-7f3a";

    /// <summary>Fills <paramref name="fake"/> with the standard data, times relative to <paramref name="now"/>.</summary>
    public static void Seed(FakeOperationsApi fake, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fake);
        fake.SetUnits(
            Unit("VN", "Việt Nam", null, "nation"),
            Unit("79", "TP. Hồ Chí Minh", "VN", "province"),
            Unit("01", "Hà Nội", "VN", "province"),
            Unit("79-26734", "Phường Sài Gòn", "79", "commune"),
            Unit("79-27100", "Phường An Khánh", "79", "commune"));
        fake.SetStats("VN", Stats("VN", received: 5230, open: 1234, overdue: 41, dueSoon: 87, paused: 12, early: 2100, onTime: 1800, late: 96, flagged: false));
        fake.SetStats("79", Stats("79", received: 3100, open: 700, overdue: 30, dueSoon: 50, paused: 7, early: 1200, onTime: 1100, late: 70, flagged: false));
        fake.SetStats("01", Stats("01", received: 2130, open: 534, overdue: 11, dueSoon: 37, paused: 5, early: 900, onTime: 700, late: 26, flagged: false));
        fake.SetStats("79-26734", Stats("79-26734", received: 400, open: 120, overdue: 25, dueSoon: 9, paused: 2, early: 100, onTime: 110, late: 70, flagged: true));
        fake.SetStats("79-27100", Stats("79-27100", received: 380, open: 90, overdue: 0, dueSoon: 4, paused: 1, early: 150, onTime: 140, late: 0, flagged: false));
        fake.SetDossiers(
            "VN",
            Dossier("HS-2026-000117", "79-26734", "CB-0042", "1.004227", now.AddDays(-3).AddHours(-5), overdue: true, supplementRequests: 2),
            Dossier("HS-2026-000233", "79", "CB-0007", "2.001835", now.AddHours(-20), overdue: true, rescheduled: true, originalDue: now.AddDays(-2)),
            Dossier("HS-2026-000301", "01", "CB-0100", "1.001612", now.AddHours(-2), overdue: true),
            Dossier("HS-2026-000412", "01", "CB-0101", "2.000046", now.AddHours(5), dueSoon: true));
        fake.AddAlert(Alert("A-1", "overdue", "HS-2026-000117", "79-26734", "CB-0042", now.AddDays(-3)));
        fake.AddAlert(Alert("A-2", "escalated", "HS-2026-000233", "79", "CB-0007", now.AddHours(-6)));
        fake.AddAlert(Alert("A-9", "overdue", "HS-OTHER", "01", "CB-0100", now.AddHours(-1), state: "acknowledged"));
    }

    /// <summary>A unit as GET /api/v1/units lists it.</summary>
    public static JsonObject Unit(string id, string name, string? parentId, string level) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["parentId"] = parentId,
        ["level"] = level,
        ["leaders"] = new JsonArray("L-" + id),
    };

    /// <summary>Stats with the ratios computed the way DOMAIN.md defines them.</summary>
    public static JsonObject Stats(string unitId, int received, int open, int overdue, int dueSoon, int paused, int early, int onTime, int late, bool flagged) => new()
    {
        ["unitId"] = unitId,
        ["received"] = received,
        ["open"] = open,
        ["overdue"] = overdue,
        ["dueSoon"] = dueSoon,
        ["paused"] = paused,
        ["finishedEarly"] = early,
        ["finishedOnTime"] = onTime,
        ["finishedLate"] = late,
        ["onTimeRatio"] = (double)(early + onTime + open - overdue) / received,
        ["lateRatio"] = (double)(late + overdue) / received,
        ["flagged"] = flagged,
    };

    /// <summary>An open dossier as GET .../dossiers lists it.</summary>
    public static JsonObject Dossier(
        string id,
        string unitId,
        string officerId,
        string procedure,
        DateTimeOffset due,
        bool overdue = false,
        bool dueSoon = false,
        bool rescheduled = false,
        DateTimeOffset? originalDue = null,
        int supplementRequests = 0) => new()
    {
        ["id"] = id,
        ["unitId"] = unitId,
        ["officerId"] = officerId,
        ["procedureCode"] = procedure,
        ["status"] = "processing",
        ["receivedAt"] = Iso(due.AddDays(-10)),
        ["dueAt"] = Iso(due),
        ["originalDueAt"] = Iso(originalDue ?? due),
        ["paused"] = false,
        ["overdue"] = overdue,
        ["dueSoon"] = dueSoon,
        ["rescheduled"] = rescheduled,
        ["apologyLate"] = false,
        ["supplementRequests"] = supplementRequests,
        ["finishedAt"] = null,
        ["outcome"] = null,
    };

    /// <summary>An alert as GET /api/v1/alerts lists it.</summary>
    public static JsonObject Alert(string id, string kind, string dossierId, string unitId, string officerId, DateTimeOffset created, string state = "open") => new()
    {
        ["id"] = id,
        ["kind"] = kind,
        ["dossierId"] = dossierId,
        ["unitId"] = unitId,
        ["officerId"] = officerId,
        ["recipients"] = new JsonArray("L-" + unitId),
        ["createdAt"] = Iso(created),
        ["dueAt"] = Iso(created),
        ["state"] = state,
        ["dedupKey"] = $"{kind}:{dossierId}",
    };

    private static string Iso(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
