using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>Builders for records with sensible defaults.</summary>
public static class TestData
{
    /// <summary>Monday 2026-01-05 08:00 in Hanoi.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    public static StoredEvent Event(string id, string dossierId, DateTimeOffset? at = null, string type = "received") =>
        new(id, dossierId, type, at ?? T0, $"{{\"eventId\":\"{id}\",\"dossierId\":\"{dossierId}\",\"type\":\"{type}\"}}", T0);

    public static DossierRecord Dossier(
        string id,
        long version = 1,
        string unitId = "U1",
        string? officerId = "O1",
        DateTimeOffset? dueAt = null,
        DateTimeOffset? dueSoonAt = null,
        bool paused = false,
        DateTimeOffset? finishedAt = null,
        string? outcome = null,
        DateOnly? receiptDate = null) =>
        new(
            id,
            unitId,
            officerId,
            "P1",
            finishedAt is null ? "received" : "processed",
            T0,
            receiptDate ?? DateOnly.FromDateTime(T0.DateTime),
            dueAt ?? T0.AddDays(5),
            dueAt ?? T0.AddDays(5),
            dueSoonAt ?? (dueAt ?? T0.AddDays(5)).AddDays(-1),
            paused,
            Rescheduled: false,
            ApologyLate: false,
            SupplementRequests: 0,
            finishedAt,
            outcome,
            version);

    public static DossierCommit Commit(
        IReadOnlyList<StoredEvent>? events = null,
        DossierRecord? dossier = null,
        IReadOnlyList<DeadlineEntry>? deadlines = null,
        IReadOnlyList<(string, string, string)>? deletes = null,
        IReadOnlyList<AlertChange>? alerts = null) =>
        new(events ?? [], dossier, deadlines ?? [], deletes ?? [], alerts ?? []);

    /// <summary>A commit that receives a new dossier with one event.</summary>
    public static DossierCommit Received(string dossierId, string eventId) =>
        Commit([Event(eventId, dossierId)], Dossier(dossierId), [new DeadlineEntry("dossier", dossierId, "due", T0.AddDays(5))]);

    public static AlertRecord Alert(string id, string dedupKey, string unitId = "U1", DateTimeOffset? createdAt = null, string kind = "overdue") =>
        new(id, kind, dedupKey, "D1", unitId, "O1", ["L1", "L2"], createdAt ?? T0, T0.AddDays(1), "open", null, null, 0);

    public static AlertChange Raise(AlertRecord alert) => new(AlertChangeKind.Raise, alert.DedupKey, alert.CreatedAt, alert);

    public static AlertChange Resolve(string dedupKey, DateTimeOffset at) => new(AlertChangeKind.Resolve, dedupKey, at);

    public static AlertChange Repeat(string dedupKey, DateTimeOffset at) => new(AlertChangeKind.Repeat, dedupKey, at);
}
