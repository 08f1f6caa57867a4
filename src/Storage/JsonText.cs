using System.Text.Json;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage;

/// <summary>The JSON forms stored in text/jsonb columns: string lists (SQLite) and office hours (settings).</summary>
internal static class JsonText
{
    /// <summary>The settings key of the default office hours.</summary>
    public const string OfficeHoursKey = "office_hours";

    public static string FromList(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var v in values)
            {
                writer.WriteStringValue(v);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<string> ToList(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<string>(doc.RootElement.GetArrayLength());
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            list.Add(item.GetString() ?? string.Empty);
        }

        return list;
    }

    public static string FromOfficeHours(IReadOnlyList<OfficePeriodRecord> periods)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var p in periods)
            {
                writer.WriteStartObject();
                writer.WriteString("start", Timestamps.ToTimeText(p.Start));
                writer.WriteString("end", Timestamps.ToTimeText(p.End));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<OfficePeriodRecord> ToOfficeHours(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<OfficePeriodRecord>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            list.Add(new OfficePeriodRecord(
                Timestamps.FromTimeText(item.GetProperty("start").GetString()!),
                Timestamps.FromTimeText(item.GetProperty("end").GetString()!)));
        }

        return list;
    }
}
