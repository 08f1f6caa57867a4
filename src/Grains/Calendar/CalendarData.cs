using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Grains.Calendar;

/// <summary>
/// The calendar's data: the dated exceptions to the Monday–Friday week (holidays and make-up working days),
/// loaded per year from JSON, from the store, or from the embedded Vietnam file. Immutable; thread-safe.
/// A date has at most one entry; <see cref="Merge"/> lets later data replace earlier data date by date.
/// </summary>
public sealed class CalendarData
{
    private const string EmbeddedResourceName = "SlaGrid.Grains.Data.vietnam-calendar.json";
    private static readonly Lazy<CalendarData> VietnamData = new(LoadEmbeddedVietnam);
    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;

    /// <summary>Builds calendar data from entries; a date given twice keeps the last entry.</summary>
    public CalendarData(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var map = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in days)
        {
            map[day.Date] = day;
        }

        _days = map.ToFrozenDictionary();
        Days = [.. map.Values.OrderBy(d => d.Date)];
    }

    /// <summary>No exceptions at all: every Monday–Friday is a working day.</summary>
    public static CalendarData Empty { get; } = new([]);

    /// <summary>Vietnam's civil-service holidays and swaps shipped with the grid (embedded <c>Data/vietnam-calendar.json</c>).</summary>
    public static CalendarData Vietnam => VietnamData.Value;

    /// <summary>All entries, by date.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>The years that have at least one entry.</summary>
    public IReadOnlyList<int> Years => [.. Days.Select(d => d.Date.Year).Distinct()];

    /// <summary>The entry for a date, if any.</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>Whether the date is listed as a day off.</summary>
    public bool IsHoliday(DateOnly date) => _days.TryGetValue(date, out var d) && d.Kind == CalendarDayKind.Holiday;

    /// <summary>Whether the date is listed as a make-up working day.</summary>
    public bool IsMakeUpWorkday(DateOnly date) => _days.TryGetValue(date, out var d) && d.Kind == CalendarDayKind.MakeUpWorkday;

    /// <summary>This data with <paramref name="other"/>'s entries added; where both list a date, <paramref name="other"/> wins.</summary>
    public CalendarData Merge(CalendarData other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CalendarData(Days.Concat(other.Days));
    }

    /// <summary>This data with every entry of <paramref name="year"/> replaced by <paramref name="days"/> (all must be in that year).</summary>
    /// <exception cref="ArgumentException">An entry is not in <paramref name="year"/>.</exception>
    public CalendarData WithYear(int year, IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        if (list.Find(d => d.Date.Year != year) is { } stray)
        {
            throw new ArgumentException($"Entry {stray.Date:yyyy-MM-dd} is not in {year}.", nameof(days));
        }

        return new CalendarData(Days.Where(d => d.Date.Year != year).Concat(list));
    }

    /// <summary>Builds calendar data from the store's records (<c>Working</c> true = make-up working day).</summary>
    public static CalendarData FromRecords(IEnumerable<CalendarDayRecord> records) =>
        new(records.Select(r => new CalendarDay(
            r.Date,
            r.Working ? CalendarDayKind.MakeUpWorkday : CalendarDayKind.Holiday,
            r.Note ?? (r.Working ? "make-up working day" : "holiday"))));

    /// <summary>
    /// Parses the calendar JSON format (see <c>docs/clock.md</c>):
    /// <c>{"years":[{"year":2026,"days":[{"date":"2026-02-16","kind":"holiday"|"workday","name":"…","source":"…","confidence":"high"|"medium"|"low"}]}]}</c>.
    /// Every date must lie in its year and appear once.
    /// </summary>
    /// <exception cref="FormatException">The JSON does not follow the format.</exception>
    public static CalendarData FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return FromJsonElement(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Calendar JSON is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>Parses the calendar JSON format from a stream (UTF-8).</summary>
    /// <exception cref="FormatException">The JSON does not follow the format.</exception>
    public static CalendarData Load(Stream utf8Json)
    {
        using var reader = new StreamReader(utf8Json);
        return FromJson(reader.ReadToEnd());
    }

    private static CalendarData FromJsonElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Calendar JSON needs an object with a \"years\" array.");
        }

        var seen = new HashSet<DateOnly>();
        var all = new List<CalendarDay>();
        foreach (var y in years.EnumerateArray())
        {
            if (!y.TryGetProperty("year", out var yearEl) || !yearEl.TryGetInt32(out var year) || year is < 1900 or > 2999)
            {
                throw new FormatException("Each year needs an integer \"year\".");
            }

            if (!y.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"Year {year} needs a \"days\" array.");
            }

            foreach (var d in days.EnumerateArray())
            {
                var dateText = RequiredString(d, "date", year);
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FormatException($"\"{dateText}\" is not a yyyy-MM-dd date.");
                }

                if (date.Year != year)
                {
                    throw new FormatException($"{dateText} is listed under year {year}.");
                }

                if (!seen.Add(date))
                {
                    throw new FormatException($"{dateText} is listed twice.");
                }

                var kind = RequiredString(d, "kind", year) switch
                {
                    "holiday" => CalendarDayKind.Holiday,
                    "workday" => CalendarDayKind.MakeUpWorkday,
                    var other => throw new FormatException($"{dateText}: kind \"{other}\" is neither \"holiday\" nor \"workday\"."),
                };
                var name = RequiredString(d, "name", year);
                var source = OptionalString(d, "source");
                var confidence = OptionalString(d, "confidence");
                if (confidence is not null and not ("high" or "medium" or "low"))
                {
                    throw new FormatException($"{dateText}: confidence \"{confidence}\" is not high, medium or low.");
                }

                all.Add(new CalendarDay(date, kind, name, source, confidence));
            }
        }

        return new CalendarData(all);
    }

    private static string RequiredString(JsonElement e, string name, int year) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new FormatException($"A day of {year} lacks \"{name}\".");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static CalendarData LoadEmbeddedVietnam()
    {
        using var stream = typeof(CalendarData).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing from the build.");
        return Load(stream);
    }
}
