using System.Globalization;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Calendar;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;
using SlaGrid.Runtime;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary>Dossiers and stats: <c>GET /dossiers/{id}</c>, <c>/units/{id}/stats</c>, <c>/units/{id}/dossiers</c>, <c>/officers/{id}/stats</c>.</summary>
public static class QueryEndpoints
{
    private static readonly TimeSpan QuietWait = TimeSpan.FromSeconds(2);

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapQueryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/dossiers/{id}", async (string id, HttpContext http, IGrainFactory grains, ReferenceCatalog catalog, CancellationToken ct) =>
        {
            var view = await grains.GetGrain<IDossierGrain>(id).GetAsync(ct);
            if (view is null || !view.State.IsReceived)
            {
                // A dossier only submitted online has no clock yet (DOMAIN.md: the clock starts at receipt).
                var detail = view is null ? $"No dossier '{id}'." : $"Dossier '{id}' was submitted but not yet received.";
                return ApiProblem.NotFound(detail).ToResult();
            }

            var caller = ApiCaller.From(http);
            if (!caller.Covers(catalog.Units, view.State.UnitId))
            {
                return caller.OutOfScope($"Dossier '{id}'").ToResult();
            }

            return Results.Json(view.ToContract(), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);

        api.MapGet("/units/{id}/stats", async (string id, string? from, string? to, HttpContext http, IGrainFactory grains, GridContext grid, CancellationToken ct) =>
        {
            if (CheckUnit(http, grid.Catalog, id) is { } denied)
            {
                return denied.ToResult();
            }

            if (ParseRange(from, to, out var fromDate, out var toDate) is { } bad)
            {
                return bad.ToResult();
            }

            await grid.Rollups.WaitQuietAsync(QuietWait, grid.Time, ct);
            var snapshot = await grains.GetGrain<IUnitGrain>(id).GetSnapshotAsync(ct);
            var counts = snapshot.Sum(fromDate, toDate);
            var flagged = grid.Options.Thresholds.IsUnitFlagged(counts, grid.Catalog.Units.ProvinceOf(id));
            return Results.Json(counts.ToUnitStats(id, flagged), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);

        api.MapGet("/units/{id}/dossiers", async (string id, string? limit, HttpContext http, ISlaGridStorage storage, GridContext grid, CancellationToken ct) =>
        {
            if (CheckUnit(http, grid.Catalog, id) is { } denied)
            {
                return denied.ToResult();
            }

            if (ParseLimit(limit, 20, out var take) is { } badLimit)
            {
                return badLimit.ToResult();
            }

            var dossiers = await storage.Dossiers.GetOpenDossiersAsync(grid.Catalog.Units.SubtreeOf(id), take, ct);
            var now = grid.Time.GetUtcNow();
            return Results.Json(dossiers.Select(d => d.ToContract(now)).ToList(), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);

        api.MapGet("/officers/{id}/stats", async (string id, string? from, string? to, HttpContext http, IGrainFactory grains, GridContext grid, CancellationToken ct) =>
        {
            var officer = grid.Catalog.Officers.GetValueOrDefault(id);
            var caller = ApiCaller.From(http);
            if (caller.Scope is not null && !caller.Covers(grid.Catalog.Units, officer?.UnitId))
            {
                return caller.OutOfScope($"Officer '{id}'").ToResult();
            }

            if (ParseRange(from, to, out var fromDate, out var toDate) is { } bad)
            {
                return bad.ToResult();
            }

            var counts = await grains.GetGrain<IOfficerGrain>(id).GetTotalsAsync(fromDate, toDate, ct);
            if (officer is null && counts.Received == 0)
            {
                return ApiProblem.NotFound($"No officer '{id}'.").ToResult();
            }

            var province = officer is null ? null : grid.Catalog.Units.ProvinceOf(officer.UnitId);
            var flagged = grid.Options.Thresholds.IsOfficerFlagged(counts, province);
            return Results.Json(counts.ToOfficerStats(id, flagged), SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanRead);
        return api;
    }

    /// <summary>404 for an unknown unit, 403 for one outside the key's scope.</summary>
    internal static ApiError? CheckUnit(HttpContext http, ReferenceCatalog catalog, string unitId)
    {
        var caller = ApiCaller.From(http);
        if (!catalog.Units.Contains(unitId))
        {
            return caller.Scope is null ? ApiProblem.NotFound($"No unit '{unitId}'.") : caller.OutOfScope($"Unit '{unitId}'");
        }

        return caller.Covers(catalog.Units, unitId) ? null : caller.OutOfScope($"Unit '{unitId}'");
    }

    /// <summary>Parses a list's <c>limit</c> (absent: <paramref name="fallback"/>), clamped to 1–<see cref="ApiLimits.MaxListLimit"/>.</summary>
    internal static ApiError? ParseLimit(string? limit, int fallback, out int take)
    {
        take = fallback;
        if (limit is null)
        {
            return null;
        }

        if (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidQuery, $"'limit' must be an integer; got '{limit}'.");
        }

        take = Math.Clamp(value, 1, ApiLimits.MaxListLimit);
        return null;
    }

    /// <summary>Parses <c>from</c>/<c>to</c> receipt-date bounds: <c>yyyy-MM-dd</c> or an ISO time (its Vietnam date).</summary>
    internal static ApiError? ParseRange(string? from, string? to, out DateOnly? fromDate, out DateOnly? toDate)
    {
        fromDate = toDate = null;
        if (from is not null && !TryDate(from, out fromDate))
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidQuery, $"'from' must be a date (yyyy-MM-dd) or an ISO time; got '{from}'.");
        }

        if (to is not null && !TryDate(to, out toDate))
        {
            return ApiProblem.BadRequest(ErrorCodes.InvalidQuery, $"'to' must be a date (yyyy-MM-dd) or an ISO time; got '{to}'.");
        }

        return fromDate > toDate ? ApiProblem.BadRequest(ErrorCodes.InvalidQuery, "'from' is after 'to'.") : null;
    }

    private static bool TryDate(string text, out DateOnly? date)
    {
        date = null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            date = VietnamTime.LocalDate(instant);
            return true;
        }

        return false;
    }
}
