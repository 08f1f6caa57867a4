using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Cli.Files;

/// <summary>Reads the reference data files of <c>slagrid import</c> (CSV or JSON, by extension). Any bad record fails the whole file.</summary>
internal static class InputFiles
{
    /// <summary>The format for <paramref name="path"/>'s extension.</summary>
    /// <exception cref="InputFileException">The extension is not one of <paramref name="allowed"/>.</exception>
    public static InputFormat FormatOf(string path, params InputFormat[] allowed)
    {
        var format = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => InputFormat.Csv,
            ".JSON" => InputFormat.Json,
            ".JSONL" or ".NDJSON" => InputFormat.JsonLines,
            _ => (InputFormat?)null,
        };
        if (format is null || !allowed.Contains(format.Value))
        {
            var names = string.Join(", ", allowed.Select(f => f switch
            {
                InputFormat.Csv => ".csv",
                InputFormat.Json => ".json",
                _ => ".jsonl/.ndjson",
            }));
            throw new InputFileException($"{path}: unknown file type '{Path.GetExtension(path)}'; expected {names}");
        }

        return format.Value;
    }

    /// <summary>Opens a file for reading as UTF-8 (a BOM is skipped).</summary>
    /// <exception cref="InputFileException">The file cannot be opened.</exception>
    public static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: {e.Message}");
        }
    }

    /// <summary>Units: CSV <c>id,name,parentId,level,leaders</c> (leaders separated by <c>;</c>) or a JSON array.</summary>
    public static IReadOnlyList<Unit> ReadUnits(string path) => Read(
        path,
        SlaGridJson.GetTypeInfo<IReadOnlyList<Unit>>(),
        ["id", "name", "parentId", "level"],
        r => new Unit(r.Require("id"), r.Require("name"), r.Get("parentId"), r.Require("level"), SplitList(r.Get("leaders"))));

    /// <summary>Officers: CSV <c>id,name,unitId</c> or a JSON array.</summary>
    public static IReadOnlyList<Officer> ReadOfficers(string path) => Read(
        path,
        SlaGridJson.GetTypeInfo<IReadOnlyList<Officer>>(),
        ["id", "name", "unitId"],
        r => new Officer(r.Require("id"), r.Require("name"), r.Require("unitId")));

    /// <summary>Procedures: CSV <c>code,name,limitValue,limitUnit,feesPauseClock</c> or a JSON array.</summary>
    public static IReadOnlyList<Procedure> ReadProcedures(string path) => Read(
        path,
        SlaGridJson.GetTypeInfo<IReadOnlyList<Procedure>>(),
        ["code", "name", "limitValue", "limitUnit"],
        r =>
        {
            var valueText = r.Require("limitValue");
            if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new InputFileException($"line {r.Line}: limitValue '{valueText}' is not a whole number >= 0");
            }

            var unit = r.Require("limitUnit");
            if (!LimitUnits.All.Contains(unit))
            {
                throw new InputFileException($"line {r.Line}: limitUnit '{unit}' is not one of {string.Join(", ", LimitUnits.All)}");
            }

            return new Procedure(r.Require("code"), r.Require("name"), new ProcedureLimit(value, unit), ParseBool(r, "feesPauseClock"));
        });

    /// <summary>The calendar: CSV <c>date,kind</c> (kind <c>holiday</c> or <c>workday</c>) or the JSON body of <c>PUT /api/v1/calendar</c>.</summary>
    public static CalendarUpdate ReadCalendar(string path)
    {
        if (FormatOf(path, InputFormat.Csv, InputFormat.Json) == InputFormat.Json)
        {
            return Deserialize(path, SlaGridJson.GetTypeInfo<CalendarUpdate>());
        }

        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        using var text = OpenText(path);
        var csv = CsvReader.Open(text);
        csv.Require("date", "kind");
        foreach (var r in csv.Records())
        {
            var dateText = r.Require("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InputFileException($"line {r.Line}: date '{dateText}' is not yyyy-MM-dd");
            }

            switch (r.Require("kind").ToUpperInvariant())
            {
                case "HOLIDAY":
                    holidays.Add(date);
                    break;
                case "WORKDAY":
                    workdays.Add(date);
                    break;
                default:
                    throw new InputFileException($"line {r.Line}: kind '{r.Get("kind")}' is not holiday or workday");
            }
        }

        return new CalendarUpdate { Holidays = holidays, Workdays = workdays };
    }

    private static IReadOnlyList<T> Read<T>(
        string path,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> jsonType,
        string[] requiredColumns,
        Func<CsvRecord, T> parse)
    {
        if (FormatOf(path, InputFormat.Csv, InputFormat.Json) == InputFormat.Json)
        {
            return Deserialize(path, jsonType);
        }

        using var text = OpenText(path);
        var csv = CsvReader.Open(text);
        csv.Require(requiredColumns);
        return [.. csv.Records().Select(parse)];
    }

    private static T Deserialize<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> jsonType)
    {
        using var text = OpenText(path);
        try
        {
            return JsonSerializer.Deserialize(text.ReadToEnd(), jsonType)
                ?? throw new InputFileException($"{path}: the file holds null");
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{path}: {Describe(e)}");
        }
    }

    /// <summary>A short description of a JSON error, with its line when known (1-based).</summary>
    public static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}: ") : string.Empty;
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return where + (cut > 0 ? message[..cut] : message);
    }

    private static List<string> SplitList(string? value) =>
        value is null ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool ParseBool(CsvRecord r, string column) => r.Get(column)?.ToUpperInvariant() switch
    {
        null or "FALSE" or "0" or "NO" => false,
        "TRUE" or "1" or "YES" => true,
        _ => throw new InputFileException($"line {r.Line}: {column} '{r.Get(column)}' is not true or false"),
    };
}
