using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Silo.Api;

/// <summary>
/// The API's errors as RFC 9457 <c>application/problem+json</c>, with a stable <c>type</c>
/// (<c>https://slagrid.dev/problems/{code}</c>) and the same <c>code</c> as an extension member.
/// </summary>
public static class ApiProblem
{
    /// <summary>The base of every problem type URI.</summary>
    public const string TypeBase = "https://slagrid.dev/problems/";

    /// <summary>401 <c>unauthorized</c>.</summary>
    public static ApiError Unauthorized(string detail) => new(401, ErrorCodes.Unauthorized, "Unauthorized", detail);

    /// <summary>403 <c>forbidden</c>.</summary>
    public static ApiError Forbidden(string detail) => new(403, ErrorCodes.Forbidden, "Forbidden", detail);

    /// <summary>403 <c>out_of_scope</c>: the key's unit scope does not cover the unit.</summary>
    public static ApiError OutOfScope(string detail) => new(403, ErrorCodes.OutOfScope, "Outside the key's unit scope", detail);

    /// <summary>404 <c>not_found</c>.</summary>
    public static ApiError NotFound(string detail) => new(404, ErrorCodes.NotFound, "Not found", detail);

    /// <summary>400 with a specific code.</summary>
    public static ApiError BadRequest(string code, string detail) => new(400, code, "Bad request", detail);

    /// <summary>413 <c>payload_too_large</c>.</summary>
    public static ApiError TooLarge(string detail) => new(413, ErrorCodes.PayloadTooLarge, "Request too large", detail);

    /// <summary>503 <c>unavailable</c>, with Retry-After.</summary>
    public static ApiError Unavailable(string detail, int retryAfterSeconds = 2) =>
        new(503, ErrorCodes.Unavailable, "Service unavailable", detail) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>429 <c>rate_limited</c>, with Retry-After.</summary>
    public static ApiError Overloaded(string detail, int retryAfterSeconds = 1) =>
        new(429, ErrorCodes.RateLimited, "Too many requests", detail) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>The error as an endpoint result.</summary>
    public static IResult ToResult(this ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ProblemResult(error);
    }

    /// <summary>Writes the error to the response (for middleware and authentication handlers).</summary>
    public static async Task Write(HttpContext context, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.StatusCode = error.Status;
        if (error.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(context.Response.Body, ToDetails(error, context), ProblemJson.Options, context.RequestAborted);
    }

    /// <summary>The error as ASP.NET's <see cref="ProblemDetails"/>.</summary>
    public static ProblemDetails ToDetails(ApiError error, HttpContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var details = new ProblemDetails
        {
            Type = TypeBase + error.Code,
            Title = error.Title,
            Status = error.Status,
            Detail = error.Detail,
            Instance = context?.Request.Path.Value,
        };
        details.Extensions["code"] = error.Code;
        if (error.Errors is not null)
        {
            details.Extensions["errors"] = error.Errors;
        }

        return details;
    }

    private sealed class ProblemResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Write(httpContext, error);
    }
}
