using System.Data.Common;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Storage;

namespace SlaGrid.Silo.Api;

/// <summary>
/// Turns failures into problem+json: storage outages and a grid still starting into 503 with Retry-After (nothing
/// was acknowledged, so a retry is safe), a grain call that timed out into 503 (unknown outcome: retry with the same
/// event ids), anything else into 500 without internals. Never lets an exception take the silo down.
/// </summary>
internal sealed partial class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var error = Classify(ex);
            if (error.Status >= 500 && error.Code == ErrorCodes.InternalError)
            {
                LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            }
            else
            {
                LogUnavailable(logger, context.Request.Method, context.Request.Path, ex.GetType().Name, ex.Message);
            }

            context.Response.Clear();
            await ApiProblem.Write(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static ApiError Classify(Exception ex)
    {
        var inner = ex is AggregateException agg ? agg.Flatten().InnerExceptions[0] : ex;
        return inner switch
        {
            GridNotReadyException => ApiProblem.Unavailable(inner.Message, 2) with { Code = ErrorCodes.Starting },
            StorageUnavailableException => ApiProblem.Unavailable("The store is unreachable; nothing in this request was acknowledged. Retry later.", 5),
            DbException => ApiProblem.Unavailable("The store failed; nothing in this request was acknowledged. Retry later.", 5),
            TimeoutException => ApiProblem.Unavailable("The silo did not finish in time; the outcome is unknown. Retry with the same event ids.", 2) with { Code = ErrorCodes.Timeout },
            BadHttpRequestException { StatusCode: 413 } => ApiProblem.TooLarge("The request body is larger than the limit."),
            BadHttpRequestException bad => ApiProblem.BadRequest(ErrorCodes.MalformedJson, bad.Message),
            _ => new ApiError(500, ErrorCodes.InternalError, "Internal error", "The silo failed to handle this request; it has been logged."),
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 5xx: {Kind}: {Message}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string kind, string message);
}
