using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;
using SlaGrid.Silo.Alerts;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary><c>GET /alerts</c> (a unit's subtree, filtered by state and kind) and <c>POST /alerts/{id}/ack</c>.</summary>
public static class AlertEndpoints
{
    private static readonly HashSet<string> States = ["open", "acknowledged", "resolved"];

    private static readonly HashSet<string> Kinds =
    [
        AlertKindNames.DueSoon, AlertKindNames.Overdue, AlertKindNames.Escalated, AlertKindNames.RescheduleLimit,
        AlertKindNames.SecondSupplement, AlertKindNames.UnitLateRatio, AlertKindNames.OfficerLateRatio,
    ];

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", async (string? unitId, string? state, string? kind, string? limit, HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, CancellationToken ct) =>
        {
            if (state is not null && !States.Contains(state))
            {
                return ApiProblem.BadRequest(ErrorCodes.InvalidQuery, $"'state' must be one of: {string.Join(", ", States)}.").ToResult();
            }

            if (kind is not null && !Kinds.Contains(kind))
            {
                return ApiProblem.BadRequest(ErrorCodes.InvalidQuery, $"'kind' must be one of: {string.Join(", ", Kinds)}.").ToResult();
            }

            if (QueryEndpoints.ParseLimit(limit, ApiLimits.MaxListLimit, out var take) is { } badLimit)
            {
                return badLimit.ToResult();
            }

            var caller = ApiCaller.From(http);
            IReadOnlyCollection<string>? units = null;
            if (unitId is not null)
            {
                if (QueryEndpoints.CheckUnit(http, catalog, unitId) is { } denied)
                {
                    return denied.ToResult();
                }

                units = catalog.Units.SubtreeOf(unitId);
            }
            else if (caller.Scope is { } scope)
            {
                units = catalog.Units.SubtreeOf(scope);
            }

            var alerts = await storage.Alerts.QueryAsync(new AlertQuery(units, state, kind, take), ct);
            return Results.Json(alerts.Select(a => a.ToContract()).ToList(), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);

        api.MapPost("/alerts/{id}/ack", async (string id, HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, AlertSignal signal, TimeProvider time, CancellationToken ct) =>
        {
            var alert = await storage.Alerts.GetAsync(id, ct);
            if (alert is null)
            {
                return ApiProblem.NotFound($"No alert '{id}'.").ToResult();
            }

            var caller = ApiCaller.From(http);
            if (!caller.Covers(catalog.Units, alert.UnitId))
            {
                return caller.OutOfScope($"Alert '{id}'").ToResult();
            }

            var acknowledged = await storage.Alerts.AcknowledgeAsync(id, time.GetUtcNow(), ct);
            signal.Notify();
            return acknowledged is null
                ? ApiProblem.NotFound($"No alert '{id}'.").ToResult()
                : Results.Json(acknowledged.ToContract(), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);
        return api;
    }
}
