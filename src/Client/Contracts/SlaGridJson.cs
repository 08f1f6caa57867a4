using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SlaGrid.Client.Contracts;

/// <summary>
/// The JSON settings of the wire format: web defaults (camelCase, case-insensitive read), non-ASCII text unescaped, nulls of optional
/// input fields omitted, response fields always written (each contract property carries its own
/// <see cref="JsonIgnoreAttribute"/> condition, so this holds whatever the host's default), nullable annotations
/// and required constructor parameters enforced on read, and times through <see cref="SlaGridDateTimeOffsetConverter"/>.
/// </summary>
public static class SlaGridJson
{
    /// <summary>The wire format's options (read-only): <see cref="SlaGridJsonContext"/> first, reflection for anything else.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The metadata for <typeparamref name="T"/> under <see cref="Options"/> (source-generated for contract types).</summary>
    /// <typeparam name="T">The type to read or write.</typeparam>
    /// <returns>The type's metadata.</returns>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Applies the wire format's settings to <paramref name="options"/> (e.g. ASP.NET Core's
    /// <c>JsonOptions.SerializerOptions</c>) and puts <see cref="SlaGridJsonContext"/> first in its resolver chain.
    /// </summary>
    /// <param name="options">Mutable options to change.</param>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;

        // Vietnamese names stay readable on the wire; JSON is never embedded in HTML unescaped by the grid.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.Any(c => c is SlaGridDateTimeOffsetConverter))
        {
            options.Converters.Add(new SlaGridDateTimeOffsetConverter());
        }

        if (!options.TypeInfoResolverChain.Contains(SlaGridJsonContext.Default))
        {
            options.TypeInfoResolverChain.Insert(0, SlaGridJsonContext.Default);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(SlaGridJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
