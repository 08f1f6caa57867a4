using System.Globalization;
using System.Text.Json;
using SlaGrid.Grains.Clock;

namespace SlaGrid.Grains.Ingest;

/// <summary>
/// Checks the shape of each element of a posted batch on its own, from the raw JSON, so that one bad element is
/// rejected with a precise code while the rest of the batch goes on. Unknown extra members are ignored.
/// </summary>
public static class EventBatchParser
{
    private const int MaxIdLength = 200;
    private const int MaxNumberLength = 400;

    /// <summary>Parses the elements of a JSON array (the caller has checked it is one).</summary>
    public static List<ParsedEvent> Parse(JsonElement array, DateTimeOffset now)
    {
        var result = new List<ParsedEvent>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            result.Add(ParseOne(element, now));
        }

        return result;
    }

    /// <summary>Re-reads an event the store accepted earlier (no range check against the clock).</summary>
    public static IncomingEvent ReadStored(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        var parsed = ParseOne(doc.RootElement, DateTimeOffset.MaxValue.AddYears(-2));
        return parsed.Event ?? throw new InvalidDataException($"A stored event no longer parses: {parsed.ErrorCode}: {parsed.ErrorMessage}");
    }

    /// <summary>Parses one element.</summary>
    public static ParsedEvent ParseOne(JsonElement element, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ParsedEvent.Invalid(null, RejectionCodes.InvalidEvent, "Each event must be a JSON object.");
        }

        // Text the grid could not read back or store (invalid UTF-8, an unpaired surrogate, NUL, a number out of any
        // store's range) is refused here, per element, wherever it is: also in members the grid ignores, since the
        // event is stored as posted.
        if (FindUnstorable(element, "$") is { } unstorable)
        {
            return ParsedEvent.Invalid(SafeEventId(element), RejectionCodes.InvalidField, unstorable);
        }

        var errors = new List<(string Code, string Message)>();
        var eventId = ReadId(element, "eventId", required: true, errors);
        var dossierId = ReadId(element, "dossierId", required: true, errors);
        var type = ReadString(element, "type", required: true, errors);
        DossierEventType? kind = null;
        if (type is not null)
        {
            if (DossierEventTypes.TryParse(type, out var parsedType))
            {
                kind = parsedType;
            }
            else
            {
                errors.Add((RejectionCodes.UnknownType, $"Unknown event type '{Truncate(type)}'; expected one of: {string.Join(", ", DossierEventTypes.All)}."));
            }
        }

        var at = ReadTime(element, "at", required: true, now, errors);
        string? unitId = null, officerId = null, procedureCode = null;
        DateTimeOffset? dueAt = null, newDueAt = null;
        switch (kind)
        {
            case DossierEventType.Received:
                unitId = ReadId(element, "unitId", required: true, errors);
                procedureCode = ReadId(element, "procedureCode", required: true, errors);
                officerId = ReadId(element, "officerId", required: false, errors);
                dueAt = ReadTime(element, "dueAt", required: false, now, errors);
                if (dueAt is not null && at is not null && dueAt <= at)
                {
                    errors.Add((RejectionCodes.InvalidField, "dueAt must be after at."));
                }

                break;
            case DossierEventType.Assigned:
                unitId = ReadId(element, "unitId", required: false, errors);
                officerId = ReadId(element, "officerId", required: false, errors);
                if (unitId is null && officerId is null && !errors.Any(e => e.Code == RejectionCodes.InvalidField))
                {
                    errors.Add((RejectionCodes.MissingField, "An assigned event needs officerId and/or unitId."));
                }

                break;
            case DossierEventType.Rescheduled:
                newDueAt = ReadTime(element, "newDueAt", required: true, now, errors);
                if (newDueAt is not null && at is not null && newDueAt <= at)
                {
                    errors.Add((RejectionCodes.InvalidField, "newDueAt must be after at."));
                }

                break;
            default:
                break;
        }

        if (errors.Count > 0)
        {
            // The most specific problem first: a bad type explains everything else about the element.
            var first = errors.FirstOrDefault(e => e.Code == RejectionCodes.UnknownType);
            if (first == default)
            {
                first = errors[0];
            }

            return ParsedEvent.Invalid(eventId, first.Code, string.Join(" ", errors.Select(e => e.Message).Distinct()));
        }

        return ParsedEvent.Valid(new IncomingEvent(
            eventId!, dossierId!, type!, at!.Value, unitId, officerId, procedureCode, dueAt, newDueAt, element.GetRawText()));
    }

    private static string? ReadString(JsonElement element, string name, bool required, List<(string, string)> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add((RejectionCodes.MissingField, $"'{name}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add((RejectionCodes.InvalidField, $"'{name}' must be a string."));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            errors.Add((RejectionCodes.MissingField, $"'{name}' must not be empty."));
            return null;
        }

        return text;
    }

    private static string? ReadId(JsonElement element, string name, bool required, List<(string, string)> errors)
    {
        var text = ReadString(element, name, required, errors);
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxIdLength || text.Any(char.IsControl) || text != text.Trim())
        {
            errors.Add((RejectionCodes.InvalidField, $"'{name}' must be at most {MaxIdLength} characters, without control characters or surrounding spaces."));
            return null;
        }

        return text;
    }

    private static DateTimeOffset? ReadTime(JsonElement element, string name, bool required, DateTimeOffset now, List<(string, string)> errors)
    {
        var text = ReadString(element, name, required, errors);
        if (text is null)
        {
            return null;
        }

        // ISO-8601 with an explicit offset ('Z' or ±hh:mm): a time without one is ambiguous, so it is refused.
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !HasOffset(text))
        {
            errors.Add((RejectionCodes.InvalidField, $"'{name}' must be an ISO-8601 time with an offset, e.g. 2026-03-02T09:30:00+07:00."));
            return null;
        }

        if (value < new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) || value > now.AddYears(1))
        {
            errors.Add((RejectionCodes.TimeOutOfRange, $"'{name}' is out of range: it must be after 2000-01-01 and at most a year ahead."));
            return null;
        }

        return value;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var t = text.IndexOf('T', StringComparison.Ordinal);
        return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
    }

    /// <summary>The first place in <paramref name="element"/> that cannot be read back or stored, described; else null.</summary>
    private static string? FindUnstorable(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return ReadableText(element, out var text) && !text.Contains('\0', StringComparison.Ordinal)
                    ? null
                    : $"{path} is not storable text: it holds invalid UTF-8, an unpaired surrogate or a NUL character.";
            case JsonValueKind.Number:
                return IsStorableNumber(element) ? null : $"{path} is a number out of range (at most {MaxNumberLength} characters, within the range of a double).";
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindUnstorable(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"A member name in {path} is not valid text (invalid UTF-8 or an unpaired surrogate).";
                    }

                    if (name.Contains('\0', StringComparison.Ordinal))
                    {
                        return $"A member name in {path} holds a NUL character.";
                    }

                    if (FindUnstorable(property.Value, $"{path}.{Truncate(name)}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool ReadableText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    // PostgreSQL's jsonb keeps numbers as numeric (at most 131,072 digits before the point and 16,383 after): a number
    // that fits a double and is not spelled out at length is always storable on both backends.
    private static bool IsStorableNumber(JsonElement element)
    {
        var raw = element.GetRawText();
        if (raw.Length > MaxNumberLength || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            return false;
        }

        if (value != 0)
        {
            return true;
        }

        // Zero: only a spelled-out zero, not a tiny number that underflowed (1e-400000).
        var exponent = raw.IndexOfAny(['e', 'E']);
        var mantissa = exponent < 0 ? raw : raw[..exponent];
        return !mantissa.Any(c => c is >= '1' and <= '9');
    }

    private static string? SafeEventId(JsonElement element) =>
        element.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String && ReadableText(id, out var text)
            && text.Length is > 0 and <= MaxIdLength && !text.Any(char.IsControl)
            ? text
            : null;

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
