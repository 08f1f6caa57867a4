using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// Reads an ISO-8601 instant keeping its offset; one written without an offset is taken as Vietnam time
/// (UTC+07:00, Asia/Ho_Chi_Minh, the grid's legal time), never as the machine's local zone.
/// Writes ISO-8601 with the value's own offset, e.g. <c>2026-01-05T08:00:00+07:00</c>.
/// </summary>
public sealed class SlaGridDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The offset assumed for a time written without one: UTC+07:00.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(7);

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A time is an ISO-8601 string, e.g. \"2026-01-05T08:00:00+07:00\".");
        }

        if (!reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 time, e.g. \"2026-01-05T08:00:00+07:00\".");
        }

        if (HasExplicitOffset(reader.GetString()!))
        {
            return value;
        }

        // No offset: the reader assumed the machine's zone; re-read the wall-clock time as Vietnam time.
        reader.TryGetDateTime(out var local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), DefaultOffset);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary>Parses an ISO-8601 time as the converter does (no offset: UTC+07:00); false when it is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(text.Trim(), SlaGridJsonContext.Default.String);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        try
        {
            value = new SlaGridDateTimeOffsetConverter().Read(ref reader, typeof(DateTimeOffset), SlaGridJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasExplicitOffset(string text)
    {
        var t = text.IndexOfAny(['T', 't', ' ']);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t + 1);
        return time.IndexOfAny('Z', 'z', '+') >= 0 || time.Contains('-');
    }
}
