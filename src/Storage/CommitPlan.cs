using System.Globalization;
using System.Text.Json;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage;

/// <summary>
/// A group of <see cref="DossierCommit"/>s folded into one set-based write per table, with the same effect as
/// applying the commits one after the other: events in order; per dossier the last state, checked against the
/// version before the first; per deadline the last operation (upsert or delete); alert changes in order.
/// Rows are sorted by key so that concurrent groups lock rows in the same order.
/// </summary>
internal sealed class CommitPlan
{
    private CommitPlan(
        List<StoredEvent> events,
        List<PlannedDossier> dossiers,
        List<DeadlineEntry> deadlineUpserts,
        List<(string GrainType, string GrainKey, string Name)> deadlineDeletes,
        List<AlertChange> alerts)
    {
        Events = events;
        Dossiers = dossiers;
        DeadlineUpserts = deadlineUpserts;
        DeadlineDeletes = deadlineDeletes;
        Alerts = alerts;
    }

    /// <summary>Events to append, in commit order (their ids are distinct).</summary>
    public List<StoredEvent> Events { get; }

    /// <summary>Each dossier's final state and the version the store must hold now (0: absent), sorted by id.</summary>
    public List<PlannedDossier> Dossiers { get; }

    /// <summary>Deadlines whose last operation is an upsert, sorted by key.</summary>
    public List<DeadlineEntry> DeadlineUpserts { get; }

    /// <summary>Deadlines whose last operation is a delete, sorted by key.</summary>
    public List<(string GrainType, string GrainKey, string Name)> DeadlineDeletes { get; }

    /// <summary>Alert changes, in commit order.</summary>
    public List<AlertChange> Alerts { get; }

    /// <summary>Folds the group.</summary>
    /// <exception cref="DuplicateEventException">Two commits of the group carry the same event id (names the later one).</exception>
    /// <exception cref="InconsistentStateException">One dossier's versions within the group do not follow each other.</exception>
    public static CommitPlan Build(IReadOnlyList<DossierCommit> commits)
    {
        Validate(commits);
        var events = new List<StoredEvent>();
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        var dossiers = new Dictionary<string, PlannedDossier>(StringComparer.Ordinal);
        var deadlines = new Dictionary<(string, string, string), DeadlineEntry?>();
        var alerts = new List<AlertChange>();
        foreach (var commit in commits)
        {
            foreach (var e in commit.Events)
            {
                if (!eventIds.Add(e.EventId))
                {
                    throw Duplicate(e.EventId);
                }

                events.Add(e);
            }

            if (commit.Dossier is { } dossier)
            {
                if (dossiers.TryGetValue(dossier.Id, out var earlier))
                {
                    if (dossier.Version != earlier.Dossier.Version + 1)
                    {
                        throw new InconsistentStateException(
                            "dossier",
                            dossier.Id,
                            (dossier.Version - 1).ToString(CultureInfo.InvariantCulture),
                            earlier.Dossier.Version.ToString(CultureInfo.InvariantCulture));
                    }

                    dossiers[dossier.Id] = earlier with { Dossier = dossier };
                }
                else
                {
                    dossiers[dossier.Id] = new PlannedDossier(dossier, dossier.Version - 1);
                }
            }

            foreach (var (type, key, name) in commit.DeadlinesToDelete)
            {
                deadlines[(type, key, name)] = null;
            }

            foreach (var d in commit.Deadlines)
            {
                deadlines[(d.GrainType, d.GrainKey, d.Name)] = d;
            }

            alerts.AddRange(commit.Alerts);
        }

        var upserts = new List<DeadlineEntry>();
        var deletes = new List<(string, string, string)>();
        foreach (var (key, entry) in deadlines)
        {
            if (entry is null)
            {
                deletes.Add(key);
            }
            else
            {
                upserts.Add(entry);
            }
        }

        upserts.Sort((a, b) => CompareKeys((a.GrainType, a.GrainKey, a.Name), (b.GrainType, b.GrainKey, b.Name)));
        deletes.Sort(CompareKeys);
        var plannedDossiers = dossiers.Values.ToList();
        plannedDossiers.Sort((a, b) => string.CompareOrdinal(a.Dossier.Id, b.Dossier.Id));
        return new CommitPlan(events, plannedDossiers, upserts, deletes, alerts);
    }

    /// <summary>Rejects malformed commits before anything is written.</summary>
    public static void Validate(IReadOnlyList<DossierCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var commit in commits)
        {
            if (commit is null || commit.Events is null || commit.Deadlines is null || commit.DeadlinesToDelete is null || commit.Alerts is null)
            {
                throw new ArgumentException("A dossier commit and its lists must not be null.", nameof(commits));
            }

            foreach (var e in commit.Events)
            {
                if (e is null || string.IsNullOrEmpty(e.EventId) || string.IsNullOrEmpty(e.DossierId) || string.IsNullOrEmpty(e.Type) || e.Payload is null)
                {
                    throw new ArgumentException("An event needs an id, a dossier id, a type and a payload.", nameof(commits));
                }

                ValidatePayload(e);
            }

            if (commit.Dossier is { } d && (string.IsNullOrEmpty(d.Id) || string.IsNullOrEmpty(d.UnitId) || d.ProcedureCode is null || d.Status is null))
            {
                throw new ArgumentException("A dossier needs an id, a unit, a procedure and a status.", nameof(commits));
            }

            if (commit.Dossier is { Version: < 0 })
            {
                throw new ArgumentException("A dossier's version cannot be negative.", nameof(commits));
            }

            if (commit.Dossier is { Outcome: { } outcome } && outcome is not ("early" or "on_time" or "late"))
            {
                throw new ArgumentException($"Unknown dossier outcome '{outcome}': expected early, on_time or late.", nameof(commits));
            }

            foreach (var deadline in commit.Deadlines)
            {
                RecordValidation.Deadline(deadline);
            }

            foreach (var alert in commit.Alerts)
            {
                RecordValidation.AlertChange(alert);
            }
        }
    }

    /// <summary>
    /// The payload must be one JSON value, without the <c>\u0000</c> escape (PostgreSQL's jsonb cannot hold it), so that
    /// both backends accept exactly the same payloads.
    /// </summary>
    private static void ValidatePayload(StoredEvent e)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(e.Payload);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Event '{e.EventId}' has a payload that is not valid JSON: {ex.Message}", nameof(e), ex);
        }

        using (document)
        {
            // Cheap filter first: only a payload that spells the escape can hold a NUL.
            if (e.Payload.Contains("\\u0000", StringComparison.OrdinalIgnoreCase) && HoldsNul(document.RootElement))
            {
                throw new ArgumentException($"Event '{e.EventId}' has a payload with a NUL character (\\u0000), which the store cannot keep.", nameof(e));
            }
        }
    }

    private static bool HoldsNul(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains('\0', StringComparison.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Any(HoldsNul),
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || HoldsNul(p.Value)),
        _ => false,
    };

    /// <summary>The exception for a duplicate event id.</summary>
    public static DuplicateEventException Duplicate(string eventId) =>
        new($"Event '{eventId}' is already stored; the commit group was rolled back.") { EventId = eventId };

    private static int CompareKeys((string, string, string) a, (string, string, string) b)
    {
        var c = string.CompareOrdinal(a.Item1, b.Item1);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Item2, b.Item2);
        return c != 0 ? c : string.CompareOrdinal(a.Item3, b.Item3);
    }

    /// <summary>A dossier's final state in the group and the version the store must hold before it (0: absent).</summary>
    internal sealed record PlannedDossier(DossierRecord Dossier, long PreviousVersion);
}
