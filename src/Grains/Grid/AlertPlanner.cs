using SlaGrid.Grains.Clock;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;

namespace SlaGrid.Grains.Grid;

/// <summary>
/// Decides which dossier alerts should be active for a state at an instant, and the changes (raise / resolve) that
/// move the stored alerts there. Raising an active key and resolving an inactive one are no-ops in the store, so a
/// full plan (after an activation, when the grain does not know what is stored) is safe to repeat.
/// </summary>
public static class AlertPlanner
{
    private static readonly string[] ClockKinds =
        [AlertKindNames.DueSoon, AlertKindNames.Overdue, AlertKindNames.Escalated, AlertKindNames.SecondSupplement];

    /// <summary>The clock-driven alert kinds the dossier should have active at <paramref name="now"/>.</summary>
    public static HashSet<string> Desired(DossierState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var desired = new HashSet<string>(StringComparer.Ordinal);
        if (state.IsDueSoon(now))
        {
            desired.Add(AlertKindNames.DueSoon);
        }

        if (state.IsOverdue(now))
        {
            desired.Add(AlertKindNames.Overdue);
        }

        if (state.IsEscalated(now))
        {
            desired.Add(AlertKindNames.Escalated);
        }

        if (state.IsOpen && state.SupplementRequests >= 2)
        {
            desired.Add(AlertKindNames.SecondSupplement);
        }

        return desired;
    }

    /// <summary>
    /// The changes from <paramref name="active"/> (null: unknown, plan everything) to what <paramref name="state"/>
    /// wants at <paramref name="now"/>; updates <paramref name="active"/>' replacement in <paramref name="nowActive"/>.
    /// </summary>
    public static List<AlertChange> Plan(
        DossierState state,
        DateTimeOffset now,
        IReadOnlySet<string>? active,
        ReferenceCatalog catalog,
        out HashSet<string> nowActive)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(catalog);
        var desired = Desired(state, now);
        var changes = new List<AlertChange>();
        foreach (var kind in ClockKinds)
        {
            var want = desired.Contains(kind);
            var have = active?.Contains(kind);
            if (want && have != true)
            {
                changes.Add(new AlertChange(AlertChangeKind.Raise, Key(kind, state), now, Create(kind, state, now, catalog)));
            }
            else if (!want && have != false)
            {
                changes.Add(new AlertChange(AlertChangeKind.Resolve, Key(kind, state), now));
            }
        }

        nowActive = desired;
        var limitActive = active?.Contains(AlertKindNames.RescheduleLimit);
        if (state.IsEnded && limitActive != false)
        {
            changes.Add(new AlertChange(AlertChangeKind.Resolve, Key(AlertKindNames.RescheduleLimit, state), now));
        }
        else if (!state.IsEnded && limitActive == true)
        {
            nowActive.Add(AlertKindNames.RescheduleLimit);
        }

        return changes;
    }

    /// <summary>The alert a refused second reschedule raises.</summary>
    public static AlertChange RescheduleLimit(DossierState state, DateTimeOffset now, ReferenceCatalog catalog) =>
        new(AlertChangeKind.Raise, Key(AlertKindNames.RescheduleLimit, state), now, Create(AlertKindNames.RescheduleLimit, state, now, catalog));

    /// <summary>The repeat of an unacknowledged overdue alert.</summary>
    public static AlertChange RepeatOverdue(DossierState state, DateTimeOffset now) =>
        new(AlertChangeKind.Repeat, Key(AlertKindNames.Overdue, state), now);

    /// <summary>A new alert record for a dossier.</summary>
    public static AlertRecord Create(string kind, DossierState state, DateTimeOffset now, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(catalog);
        var unitId = state.UnitId ?? string.Empty;
        IReadOnlyList<string> recipients = kind switch
        {
            AlertKindNames.DueSoon => state.OfficerId is { } officer ? [officer] : catalog.LeadersOf(unitId),
            AlertKindNames.Escalated => ParentLeaders(unitId, catalog),
            _ => catalog.LeadersOf(unitId),
        };
        return new AlertRecord(
            NewId(now), kind, Key(kind, state), state.DossierId, unitId, state.OfficerId, recipients, now, state.DueAt, "open", null, null, 0);
    }

    /// <summary>The leaders of the unit's parent (the unit's own leaders at the top of the tree).</summary>
    public static IReadOnlyList<string> ParentLeaders(string unitId, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Units.ParentOf(unitId) is { } parent ? catalog.LeadersOf(parent) : catalog.LeadersOf(unitId);
    }

    /// <summary>A new, time-ordered alert id.</summary>
    public static string NewId(DateTimeOffset now) => "al_" + Guid.CreateVersion7(now).ToString("N");

    private static string Key(string kind, DossierState state) => AlertKindNames.DedupKey(kind, state.DossierId);
}
