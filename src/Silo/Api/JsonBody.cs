using System.Text.Json;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Api;

/// <summary>Reads request bodies with the wire format's settings, turning any malformation into a coded 400.</summary>
public static class JsonBody
{
    /// <summary>Reads the body as <typeparamref name="T"/>, or returns the error to answer with.</summary>
    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0)
        {
            return (null, ApiProblem.BadRequest(ErrorCodes.MalformedJson, "The request body is empty; a JSON document is expected."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, SlaGridJson.Options, cancellationToken);
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

    /// <summary>A 400 <c>validation_failed</c> listing the problems found.</summary>
    public static ApiError Invalid(List<string> problems) =>
        new(400, ErrorCodes.ValidationFailed, "Invalid request body", string.Join(" ", problems.Take(20)))
        {
            Errors = new Dictionary<string, string[]> { ["body"] = [.. problems.Take(100)] },
        };
}
