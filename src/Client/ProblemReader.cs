using System.Text.Json;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>Reads a problem body leniently: any JSON object with some of the problem fields, so that error answers the silo did not shape (a proxy, the framework) still give what they have.</summary>
internal static class ProblemReader
{
    public static Problem? TryRead(string body, int status, string fallbackCode)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            Dictionary<string, IReadOnlyList<string>>? errors = null;
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                errors = [];
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText())]
                        : [field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() ?? string.Empty : field.Value.GetRawText()];
                }
            }

            return new Problem(
                String(root, "type") ?? "about:blank",
                String(root, "title") ?? string.Empty,
                root.TryGetProperty("status", out var s) && s.TryGetInt32(out var st) ? st : status,
                String(root, "detail"),
                String(root, "code") is { Length: > 0 } code ? code : fallbackCode,
                String(root, "instance"),
                errors);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
