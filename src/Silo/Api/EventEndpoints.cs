using System.Text.Json;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Ingest;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary>
/// <c>POST /api/v1/events</c>: a JSON array of events, answered per event in the same order once the accepted ones
/// are durable. A body that is not a JSON array is a 400; a bad element is a per-event <c>rejected</c>.
/// </summary>
public static class EventEndpoints
{
    private static readonly SemaphoreSlim Gate = new(ApiLimits.MaxConcurrentIngest, ApiLimits.MaxConcurrentIngest);

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostEventsAsync).RequireAuthorization(ApiRoles.CanIngest);
        return api;
    }

    private static async Task<IResult> PostEventsAsync(HttpContext http, IngestService ingest, TimeProvider time, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 32 }, ct);
        }
        catch (JsonException ex)
        {
            return ApiProblem.BadRequest(ErrorCodes.MalformedJson, $"The body is not valid JSON: {ex.Message}").ToResult();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblem.TooLarge($"The body is larger than {ApiLimits.MaxBodyBytes / (1024 * 1024)} MiB.").ToResult();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return ApiProblem.BadRequest(ErrorCodes.MalformedBatch, "The body must be a JSON array of events.").ToResult();
            }

            var count = root.GetArrayLength();
            if (count > ApiLimits.MaxEventsPerBatch)
            {
                return new ApiError(413, ErrorCodes.PayloadTooLarge, "Batch too large", $"At most {ApiLimits.MaxEventsPerBatch} events per request; this one has {count}.").ToResult();
            }

            if (!await Gate.WaitAsync(0, ct))
            {
                return ApiProblem.Overloaded("Too many event batches in flight; retry shortly.").ToResult();
            }

            try
            {
                var parsed = EventBatchParser.Parse(root, time.GetUtcNow());
                var outcomes = await ingest.IngestAsync(parsed, ApiCaller.From(http).Scope, ct);
                var results = new IngestResult[parsed.Count];
                for (var i = 0; i < results.Length; i++)
                {
                    var o = outcomes[i];
                    results[i] = new IngestResult(parsed[i].EventId ?? string.Empty, o.Status, o.Code is null ? null : new EventError(o.Code, o.Message ?? o.Code));
                }

                return Results.Json(new IngestResponse(results), SlaGridJson.Options);
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
