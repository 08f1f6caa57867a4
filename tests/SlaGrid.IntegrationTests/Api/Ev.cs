using System.Globalization;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>Builds events as the wire shows them (JSON objects), for fixed past times in Vietnam (+07:00).</summary>
public static class Ev
{
    /// <summary>A local time in 2026 as ISO-8601 with +07:00, e.g. <c>T(3, 2, 9)</c> = Mon 2 March 2026 09:00.</summary>
    public static string T(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO-8601 with +07:00.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>An event of <paramref name="type"/> with no more fields.</summary>
    public static Dictionary<string, object?> Of(string eventId, string dossierId, string type, string at) =>
        new() { ["eventId"] = eventId, ["dossierId"] = dossierId, ["type"] = type, ["at"] = at };

    /// <summary>A <c>received</c> event.</summary>
    public static Dictionary<string, object?> Received(
        string eventId, string dossierId, string at, string unitId = "C1", string procedureCode = "WD5", string? officerId = null, string? dueAt = null)
    {
        var e = Of(eventId, dossierId, "received", at);
        e["unitId"] = unitId;
        e["procedureCode"] = procedureCode;
        if (officerId is not null)
        {
            e["officerId"] = officerId;
        }

        if (dueAt is not null)
        {
            e["dueAt"] = dueAt;
        }

        return e;
    }

    /// <summary>An <c>assigned</c> event.</summary>
    public static Dictionary<string, object?> Assigned(string eventId, string dossierId, string at, string? unitId = null, string? officerId = null)
    {
        var e = Of(eventId, dossierId, "assigned", at);
        if (unitId is not null)
        {
            e["unitId"] = unitId;
        }

        if (officerId is not null)
        {
            e["officerId"] = officerId;
        }

        return e;
    }

    /// <summary>A <c>rescheduled</c> event.</summary>
    public static Dictionary<string, object?> Rescheduled(string eventId, string dossierId, string at, string newDueAt)
    {
        var e = Of(eventId, dossierId, "rescheduled", at);
        e["newDueAt"] = newDueAt;
        return e;
    }

    /// <summary><paramref name="e"/> with one more member.</summary>
    public static Dictionary<string, object?> With(this Dictionary<string, object?> e, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new Dictionary<string, object?>(e) { [name] = value };
    }

    /// <summary><paramref name="e"/> without a member.</summary>
    public static Dictionary<string, object?> Without(this Dictionary<string, object?> e, string name)
    {
        ArgumentNullException.ThrowIfNull(e);
        var copy = new Dictionary<string, object?>(e);
        copy.Remove(name);
        return copy;
    }
}
