using System.Text.Json;

namespace SlaGrid.Runtime;

/// <summary>The JSON settings grain state is stored with.</summary>
public static class GrainStateJson
{
    /// <summary>System.Text.Json web defaults (camelCase, case-insensitive read); shared and read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
