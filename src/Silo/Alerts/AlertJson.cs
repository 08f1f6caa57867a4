using System.Text.Json;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Silo.Alerts;

/// <summary>Writes alerts and alert outbox entries in the API's wire format (every contract field, nulls included).</summary>
public static class AlertJson
{
    /// <summary>Writes one alert object.</summary>
    public static void WriteAlert(Utf8JsonWriter writer, AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(alert);
        writer.WriteStartObject();
        writer.WriteString("id", alert.Id);
        writer.WriteString("kind", alert.Kind);
        WriteNullable(writer, "dossierId", alert.DossierId);
        writer.WriteString("unitId", alert.UnitId);
        WriteNullable(writer, "officerId", alert.OfficerId);
        writer.WriteStartArray("recipients");
        foreach (var recipient in alert.Recipients)
        {
            writer.WriteStringValue(recipient);
        }

        writer.WriteEndArray();
        writer.WriteString("createdAt", alert.CreatedAt);
        WriteNullable(writer, "dueAt", alert.DueAt);
        writer.WriteString("state", alert.State);
        writer.WriteString("dedupKey", alert.DedupKey);
        WriteNullable(writer, "acknowledgedAt", alert.AcknowledgedAt);
        WriteNullable(writer, "resolvedAt", alert.ResolvedAt);
        writer.WriteNumber("repeats", alert.Repeats);
        writer.WriteEndObject();
    }

    /// <summary>An outbox entry as the JSON body of a webhook POST or an SSE <c>alert</c> event.</summary>
    public static byte[] OutboxEntry(AlertOutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", entry.Event);
            writer.WriteNumber("sequence", entry.Sequence);
            writer.WriteString("at", entry.At);
            writer.WritePropertyName("alert");
            WriteAlert(writer, entry.Alert);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
