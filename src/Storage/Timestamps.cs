using System.Globalization;

namespace SlaGrid.Storage;

/// <summary>
/// How instants and dates are stored, the same way on both backends: UTC, truncated (floored) to whole
/// microseconds, so that a value written and read back compares equal to <see cref="Truncate"/> of the original.
/// </summary>
internal static class Timestamps
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The instant in UTC, floored to a whole microsecond.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>The instant as a UTC <see cref="DateTime"/> floored to a microsecond (what Npgsql writes to timestamptz).</summary>
    public static DateTime ToUtcDateTime(DateTimeOffset value) => Truncate(value).UtcDateTime;

    /// <summary>As <see cref="ToUtcDateTime(DateTimeOffset)"/>, keeping null.</summary>
    public static DateTime? ToUtcDateTime(DateTimeOffset? value) => value is { } v ? ToUtcDateTime(v) : null;

    /// <summary>Microseconds since the Unix epoch (SQLite's INTEGER timestamps).</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (Truncate(value).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>As <see cref="ToUnixMicroseconds(DateTimeOffset)"/>, keeping null.</summary>
    public static long? ToUnixMicroseconds(DateTimeOffset? value) => value is { } v ? ToUnixMicroseconds(v) : null;

    /// <summary>The instant from microseconds since the Unix epoch, in UTC.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>A date as stored in SQLite: <c>yyyy-MM-dd</c> (sorts as it compares).</summary>
    public static string ToDateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>yyyy-MM-dd</c> date.</summary>
    public static DateOnly FromDateText(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time of day as stored in settings: <c>HH:mm:ss</c> plus a fraction when there is one.</summary>
    public static string ToTimeText(TimeOnly time) => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Reads a time of day written by <see cref="ToTimeText"/>.</summary>
    public static TimeOnly FromTimeText(string text) => TimeOnly.Parse(text, CultureInfo.InvariantCulture);
}
