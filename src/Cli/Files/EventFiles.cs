using System.Text.Json;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Cli.Files;

/// <summary>
/// Reads the events file of <c>slagrid replay</c>, streaming: CSV with the header
/// <c>eventId,dossierId,type,at[,unitId,procedureCode,officerId,dueAt,newDueAt]</c>, JSON lines (<c>.jsonl</c>,
/// <c>.ndjson</c>: one event object per line) or a JSON array (<c>.json</c>). A bad record is reported, not fatal.
/// </summary>
internal static class EventFiles
{
    private static readonly string[] RequiredColumns = ["eventId", "dossierId", "type", "at"];

    /// <summary>Checks the file's type and header before anything is sent.</summary>
    /// <exception cref="InputFileException">The file cannot be used.</exception>
    public static void Check(string path)
    {
        if (InputFiles.FormatOf(path, InputFormat.Csv, InputFormat.JsonLines, InputFormat.Json) == InputFormat.Csv)
        {
            using var text = InputFiles.OpenText(path);
            CsvReader.Open(text).Require(RequiredColumns);
        }
        else
        {
            using var text = InputFiles.OpenText(path);
        }
    }

    /// <summary>The records of the file, in order.</summary>
    /// <exception cref="InputFileException">The file cannot be read at all.</exception>
    public static IEnumerable<EventLine> Read(string path)
    {
        var format = InputFiles.FormatOf(path, InputFormat.Csv, InputFormat.JsonLines, InputFormat.Json);
        return format switch
        {
            InputFormat.Csv => ReadCsv(path),
            InputFormat.JsonLines => ReadJsonLines(path),
            _ => ReadJsonArray(path),
        };
    }

    private static IEnumerable<EventLine> ReadCsv(string path)
    {
        using var text = InputFiles.OpenText(path);
        var csv = CsvReader.Open(text);
        csv.Require(RequiredColumns);
        foreach (var record in csv.Records())
        {
            yield return FromCsv(record);
        }
    }

    private static EventLine FromCsv(CsvRecord r)
    {
        var missing = RequiredColumns.Where(c => r.Get(c) is null).ToArray();
        if (missing.Length > 0)
        {
            return new EventLine(r.Line, null, $"empty {string.Join(", ", missing)}");
        }

        if (!TryTime(r, "at", out var at, out var error)
            || !TryTime(r, "dueAt", out var dueAt, out error)
            || !TryTime(r, "newDueAt", out var newDueAt, out error))
        {
            return new EventLine(r.Line, null, error);
        }

        var e = new DossierEvent(
            r.Require("eventId"),
            r.Require("dossierId"),
            r.Require("type"),
            at!.Value,
            UnitId: r.Get("unitId"),
            ProcedureCode: r.Get("procedureCode"),
            OfficerId: r.Get("officerId"),
            DueAt: dueAt,
            NewDueAt: newDueAt);
        return new EventLine(r.Line, e, null);
    }

    private static bool TryTime(CsvRecord r, string column, out DateTimeOffset? value, out string? error)
    {
        value = null;
        error = null;
        var text = r.Get(column);
        if (text is null)
        {
            return true;
        }

        if (SlaGridDateTimeOffsetConverter.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"{column} '{text}' is not an ISO-8601 time";
        return false;
    }

    private static IEnumerable<EventLine> ReadJsonLines(string path)
    {
        using var text = InputFiles.OpenText(path);
        var number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(number, line);
        }
    }

    private static EventLine Parse(int number, string json)
    {
        try
        {
            var e = JsonSerializer.Deserialize(json, SlaGridJson.GetTypeInfo<DossierEvent>());
            return e is null ? new EventLine(number, null, "null is not an event") : new EventLine(number, e, null);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return new EventLine(number, null, cut > 0 ? message[..cut] : message);
        }
    }

    private static IEnumerable<EventLine> ReadJsonArray(string path)
    {
        using var text = InputFiles.OpenText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.ReadToEnd());
        }
        catch (JsonException e)
        {
            throw new InputFileException($"{path}: {InputFiles.Describe(e)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputFileException($"{path}: a .json events file holds an array of events");
            }

            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                yield return Parse(index, element.GetRawText());
            }
        }
    }
}
