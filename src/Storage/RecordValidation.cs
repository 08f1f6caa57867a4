using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage;

/// <summary>Checks on records before they reach the database, so that bad input gets a clear error and writes nothing.</summary>
internal static class RecordValidation
{
    private static readonly string[] LimitUnits = ["working_days", "days", "working_hours"];
    private static readonly string[] Roles = ["admin", "ingest", "read"];

    public static void GrainKey(string grainType, string grainKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentNullException.ThrowIfNull(grainKey);
    }

    public static void Deadline(DeadlineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrEmpty(entry.GrainType) || entry.GrainKey is null || string.IsNullOrEmpty(entry.Name))
        {
            throw new ArgumentException("A deadline needs a grain type, a grain key and a name.", nameof(entry));
        }
    }

    public static void AlertChange(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrEmpty(change.DedupKey))
        {
            throw new ArgumentException("An alert change needs a dedup key.", nameof(change));
        }

        if (change.Kind == AlertChangeKind.Raise)
        {
            var alert = change.Alert ?? throw new ArgumentException($"Raising '{change.DedupKey}' needs the alert.", nameof(change));
            if (!string.Equals(alert.DedupKey, change.DedupKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The raised alert's dedup key '{alert.DedupKey}' differs from the change's '{change.DedupKey}'.", nameof(change));
            }

            if (string.IsNullOrEmpty(alert.Id) || string.IsNullOrEmpty(alert.Kind) || string.IsNullOrEmpty(alert.UnitId) || alert.Recipients is null)
            {
                throw new ArgumentException("A raised alert needs an id, a kind, a unit and a recipient list.", nameof(change));
            }

            if (alert.State != "open")
            {
                throw new ArgumentException($"A raised alert starts open, not '{alert.State}'.", nameof(change));
            }
        }
        else if (!Enum.IsDefined(change.Kind))
        {
            throw new ArgumentException($"Unknown alert change kind {change.Kind}.", nameof(change));
        }
    }

    public static void Units(IReadOnlyList<UnitRecord> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var u in units)
        {
            if (u is null || string.IsNullOrEmpty(u.Id) || u.Name is null || u.Level is null || u.Leaders is null)
            {
                throw new ArgumentException("A unit needs an id, a name, a level and a leader list.", nameof(units));
            }

            if (u.Id == u.ParentId)
            {
                throw new ArgumentException($"Unit '{u.Id}' cannot be its own parent.", nameof(units));
            }
        }
    }

    public static void Officers(IReadOnlyList<OfficerRecord> officers)
    {
        ArgumentNullException.ThrowIfNull(officers);
        if (officers.Any(o => o is null || string.IsNullOrEmpty(o.Id) || o.Name is null || string.IsNullOrEmpty(o.UnitId)))
        {
            throw new ArgumentException("An officer needs an id, a name and a unit.", nameof(officers));
        }
    }

    public static void Procedures(IReadOnlyList<ProcedureRecord> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        foreach (var p in procedures)
        {
            if (p is null || string.IsNullOrEmpty(p.Code) || p.Name is null)
            {
                throw new ArgumentException("A procedure needs a code and a name.", nameof(procedures));
            }

            if (p.LimitValue < 0 || !LimitUnits.Contains(p.LimitUnit))
            {
                throw new ArgumentException(
                    $"Procedure '{p.Code}' has an invalid limit {p.LimitValue} {p.LimitUnit}: the value is at least 0 and the unit one of {string.Join(", ", LimitUnits)}.",
                    nameof(procedures));
            }
        }
    }

    public static void Calendar(IReadOnlyList<CalendarDayRecord> days, IReadOnlyList<OfficePeriodRecord>? officeHours)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Any(d => d is null))
        {
            throw new ArgumentException("Calendar days must not be null.", nameof(days));
        }

        if (officeHours is not null && officeHours.Any(p => p is null || p.End <= p.Start))
        {
            throw new ArgumentException("Each office period must end after it starts.", nameof(officeHours));
        }
    }

    public static void Webhooks(IReadOnlyList<WebhookRecord> webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        if (webhooks.Any(w => w is null || string.IsNullOrEmpty(w.Id) || string.IsNullOrEmpty(w.Url) || w.Secret is null))
        {
            throw new ArgumentException("A webhook needs an id, a URL and a secret.", nameof(webhooks));
        }
    }

    public static void ApiKey(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(key.Id) || key.Name is null || string.IsNullOrEmpty(key.SecretHash))
        {
            throw new ArgumentException("An API key needs an id, a name and a secret hash.", nameof(key));
        }

        if (!Roles.Contains(key.Role))
        {
            throw new ArgumentException($"Unknown API key role '{key.Role}': expected {string.Join(", ", Roles)}.", nameof(key));
        }
    }

    public static void AlertQuery(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        if (query.State is not (null or "open" or "acknowledged" or "resolved"))
        {
            throw new ArgumentException($"Unknown alert state '{query.State}': expected open, acknowledged or resolved.", nameof(query));
        }
    }
}
