using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaGrid.Client.Contracts;

/// <summary>Reads and writes an <see cref="OfficePeriod"/> as <c>["HH:mm","HH:mm"]</c> (seconds are accepted on read).</summary>
public sealed class OfficePeriodJsonConverter : JsonConverter<OfficePeriod>
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "H:mm"];

    /// <inheritdoc />
    public override OfficePeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("An office period is an array of two times, e.g. [\"08:00\",\"12:00\"].");
        }

        var start = ReadTime(ref reader);
        var end = ReadTime(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("An office period has exactly two times, e.g. [\"08:00\",\"12:00\"].");
        }

        return new OfficePeriod(start, end);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OfficePeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(Format(value.Start));
        writer.WriteStringValue(Format(value.End));
        writer.WriteEndArray();
    }

    private static TimeOnly ReadTime(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An office period has exactly two times, e.g. [\"08:00\",\"12:00\"].");
        }

        var text = reader.GetString();
        if (!TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new JsonException($"'{text}' is not a time of day (HH:mm).");
        }

        return time;
    }

    private static string Format(TimeOnly time) =>
        time.Second == 0 && time.Millisecond == 0
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
