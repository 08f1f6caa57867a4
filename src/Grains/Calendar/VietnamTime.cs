namespace SlaGrid.Grains.Calendar;

/// <summary>
/// Local time of the grid: Asia/Ho_Chi_Minh. Vietnam has used a fixed UTC+07:00 with no daylight saving since
/// 13 June 1975, so a fixed offset is exact for every date this system can meet (receipts from 2018 onwards) and
/// needs no time-zone database (NodaTime, tzdata) at all.
/// </summary>
public static class VietnamTime
{
    /// <summary>The IANA zone the offset stands for.</summary>
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The fixed offset, +07:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The same instant, expressed with the +07:00 offset.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The local (Vietnam) calendar date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The local (Vietnam) time of day of an instant.</summary>
    public static TimeOnly LocalTimeOfDay(DateTimeOffset instant) => TimeOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant at local <paramref name="date"/> and <paramref name="time"/>, with the +07:00 offset.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>The instant at the given local wall-clock fields, with the +07:00 offset.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, Offset);
}
