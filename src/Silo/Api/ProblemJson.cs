using System.Text.Json;

namespace SlaGrid.Silo.Api;

/// <summary>JSON settings for problem documents (camelCase, like the rest of the API).</summary>
internal static class ProblemJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
