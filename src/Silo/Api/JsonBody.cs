using System.Text.Json;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Api;

/// <summary>Reads request bodies with the wire format's settings, turning any malformation into a coded 400.</summary>
public static class JsonBody
{
    // The wire format, except that a member left out is read as null (or its default) instead of failing the whole
    // body: each endpoint checks its required fields itself and names every missing one in a 400
    // validation_failed (e.g. a top unit may leave out "parentId", DESIGN.md: null at the top).
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>, or returns the error to answer with. Members left out are read as
    /// null or their default unless <paramref name="strict"/> (then a missing member is a 400 <c>malformed_json</c>):
    /// the caller checks its required fields.
    /// </summary>
    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool strict = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0)
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.MalformedJson, "The request body is empty; a JSON document is expected."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, strict ? SlaGridJson.Options : Options, cancellationToken);
            return value is null
                ? (null, ApiProblem.BadRequest(ErrorCodes.MalformedJson, "The request body is JSON null; a JSON document is expected."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, ApiProblem.BadRequest(ErrorCodes.MalformedJson, $"The request body is not valid JSON for this call{where}: {ex.Message}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblem.TooLarge("The request body is larger than the limit."));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(SlaGridJson.Options) { RespectRequiredConstructorParameters = false };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A 400 <c>validation_failed</c> listing the problems found.</summary>
    public static ApiError Invalid(List<string> problems) =>
        new(400, ErrorCodes.ValidationFailed, "Invalid request body", string.Join(" ", problems.Take(20)))
        {
            Errors = new Dictionary<string, string[]> { ["body"] = [.. problems.Take(100)] },
        };
}
