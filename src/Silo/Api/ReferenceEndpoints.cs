using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Procedures;
using SlaGrid.Grains.Reference;
using SlaGrid.Runtime;
using SlaGrid.Silo.Security;
using ContractProcedure = SlaGrid.Client.Contracts.Procedure;

namespace SlaGrid.Silo.Api;

/// <summary>
/// Reference data: <c>PUT /calendar</c>, <c>PUT /units</c>, <c>PUT /officers</c>, <c>PUT /procedures</c> (admin, unscoped;
/// upserts, all-or-nothing per request), and <c>GET /units</c> (read; a scoped key sees its subtree).
/// </summary>
public static class ReferenceEndpoints
{
    private const int MaxIdLength = 200;

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapReferenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/calendar", PutCalendarAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapPut("/units", PutUnitsAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapPut("/officers", PutOfficersAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapPut("/procedures", PutProceduresAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapGet("/units", (HttpContext http, ReferenceCatalog catalog) =>
        {
            var caller = ApiCaller.From(http);
            var units = catalog.Units.Units
                .Where(u => caller.Covers(catalog.Units, u.Id))
                .OrderBy(u => u.Id, StringComparer.Ordinal)
                .Select(u => new Unit(u.Id, u.Name, u.ParentId, u.Level, u.Leaders));
            return Results.Ok(units);
        }).RequireAuthorization(ApiRoles.CanRead);
        return api;
    }

    private static async Task<IResult> PutCalendarAsync(HttpContext http, ISlaGridStorage storage, GridContext grid, CancellationToken ct)
    {
        if (Unscoped(http) is { } denied)
        {
            return denied.ToResult();
        }

        var (body, error) = await JsonBody.ReadAsync<CalendarUpdate>(http.Request, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        var problems = new List<string>();
        var holidays = body!.Holidays ?? [];
        var workdays = body.Workdays ?? [];
        foreach (var both in holidays.Intersect(workdays))
        {
            problems.Add($"{both:yyyy-MM-dd} is listed both as a holiday and as a working day.");
        }

        foreach (var date in holidays.Concat(workdays).Where(d => d.Year is < 2000 or > 2100))
        {
            problems.Add($"{date:yyyy-MM-dd} is out of range (2000–2100).");
        }

        List<OfficePeriodRecord>? hours = null;
        if (body.OfficeHours?.Any(p => p is null) == true)
        {
            problems.Add("officeHours must not hold null; each period is [\"HH:mm\",\"HH:mm\"].");
        }
        else if (body.OfficeHours is { } periods)
        {
            hours = [.. periods.Select(p => new OfficePeriodRecord(p.Start, p.End))];
            if (hours.Count == 0)
            {
                problems.Add("officeHours must list at least one period.");
            }

            for (var i = 0; i < hours.Count; i++)
            {
                if (hours[i].End <= hours[i].Start)
                {
                    problems.Add($"officeHours[{i}] ends before it starts.");
                }

                if (i > 0 && hours[i].Start < hours[i - 1].End)
                {
                    problems.Add($"officeHours[{i}] overlaps or precedes the period before it.");
                }
            }
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var days = holidays.Select(d => new CalendarDayRecord(d, false, "holiday"))
            .Concat(workdays.Select(d => new CalendarDayRecord(d, true, "make-up working day")))
            .ToList();
        await storage.Reference.UpsertCalendarAsync(days, hours, ct);
        grid.Reconfigure(await storage.Reference.GetCalendarAsync(ct));
        return Results.Ok(new { holidays = holidays.Count, workdays = workdays.Count, officeHours = hours?.Count });
    }

    private static async Task<IResult> PutUnitsAsync(HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, IGrainFactory grains, CancellationToken ct)
    {
        if (Unscoped(http) is { } denied)
        {
            return denied.ToResult();
        }

        var (body, error) = await JsonBody.ReadAsync<List<Unit>>(http.Request, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        var problems = new List<string>();
        if (body!.Count > ApiLimits.MaxItemsPerPut)
        {
            return ApiProblem.TooLarge($"At most {ApiLimits.MaxItemsPerPut} units per request.").ToResult();
        }

        for (var i = 0; i < body.Count; i++)
        {
            var u = body[i];
            CheckId(problems, $"[{i}].id", u?.Id);
            if (u is null)
            {
                continue;
            }

            CheckText(problems, $"[{i}].name", u.Name);
            CheckText(problems, $"[{i}].level", u.Level);
            if (u.ParentId is not null)
            {
                CheckId(problems, $"[{i}].parentId", u.ParentId);
            }

            if (u.ParentId == u.Id)
            {
                problems.Add($"[{i}]: a unit cannot be its own parent.");
            }

            foreach (var leader in u.Leaders ?? [])
            {
                CheckId(problems, $"[{i}].leaders", leader);
            }
        }

        foreach (var dup in body.Where(u => u is not null).GroupBy(u => u.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"unit '{dup.Key}' appears {dup.Count()} times.");
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var records = body.Select(u => new UnitRecord(u.Id, u.Name, u.ParentId, u.Level, u.Leaders ?? [])).ToList();
        var old = catalog.Units;
        var tree = old.WithUpserts(records, out var treeError);
        if (treeError is not null)
        {
            return new ApiError(400, ErrorCodes.InvalidTree, "Invalid unit tree", treeError).ToResult();
        }

        await storage.Reference.UpsertUnitsAsync(records, ct);
        catalog.SetUnits(tree);

        // Units that moved (or are new) tell their old and new parents.
        foreach (var unit in records.Where(r => !old.Contains(r.Id) || old.ParentOf(r.Id) != r.ParentId))
        {
            await grains.GetGrain<IUnitGrain>(unit.Id).RefreshAsync(ct);
        }

        return Results.Ok(new { upserted = records.Count });
    }

    private static async Task<IResult> PutOfficersAsync(HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (Unscoped(http) is { } denied)
        {
            return denied.ToResult();
        }

        var (body, error) = await JsonBody.ReadAsync<List<Officer>>(http.Request, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        if (body!.Count > ApiLimits.MaxItemsPerPut)
        {
            return ApiProblem.TooLarge($"At most {ApiLimits.MaxItemsPerPut} officers per request.").ToResult();
        }

        var problems = new List<string>();
        for (var i = 0; i < body.Count; i++)
        {
            var o = body[i];
            CheckId(problems, $"[{i}].id", o?.Id);
            if (o is null)
            {
                continue;
            }

            CheckText(problems, $"[{i}].name", o.Name);
            CheckId(problems, $"[{i}].unitId", o.UnitId);
            if (!string.IsNullOrEmpty(o.UnitId) && !catalog.Units.Contains(o.UnitId))
            {
                problems.Add($"[{i}].unitId: unit '{o.UnitId}' is not known (PUT /api/v1/units first).");
            }
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var records = body.Select(o => new OfficerRecord(o.Id, o.Name, o.UnitId)).ToList();
        await storage.Reference.UpsertOfficersAsync(records, ct);
        catalog.MergeOfficers(records);
        return Results.Ok(new { upserted = records.Count });
    }

    private static async Task<IResult> PutProceduresAsync(HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, GridContext grid, CancellationToken ct)
    {
        if (Unscoped(http) is { } denied)
        {
            return denied.ToResult();
        }

        var (body, error) = await JsonBody.ReadAsync<List<ContractProcedure>>(http.Request, ct, strict: true); // limit.value has no default
        if (error is not null)
        {
            return error.ToResult();
        }

        if (body!.Count > ApiLimits.MaxItemsPerPut)
        {
            return ApiProblem.TooLarge($"At most {ApiLimits.MaxItemsPerPut} procedures per request.").ToResult();
        }

        var problems = new List<string>();
        for (var i = 0; i < body.Count; i++)
        {
            var p = body[i];
            CheckId(problems, $"[{i}].code", p?.Code);
            if (p is null)
            {
                continue;
            }

            CheckText(problems, $"[{i}].name", p.Name);
            if (p.Limit is null)
            {
                problems.Add($"[{i}].limit is required.");
                continue;
            }

            if (!Grains.Procedures.LimitUnits.TryParse(p.Limit.Unit, out var unit))
            {
                problems.Add($"[{i}].limit.unit must be working_days, days or working_hours.");
            }
            else if (p.Limit.Value < (unit == LimitUnit.WorkingDays ? 0 : 1) || p.Limit.Value > 3650)
            {
                problems.Add($"[{i}].limit.value {p.Limit.Value} is out of range for {p.Limit.Unit} ({(unit == LimitUnit.WorkingDays ? 0 : 1)}–3650).");
            }
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var records = body.Select(p => new ProcedureRecord(p.Code, p.Name, p.Limit.Value, p.Limit.Unit, p.FeesPauseClock)).ToList();
        await storage.Reference.UpsertProceduresAsync(records, ct);
        catalog.MergeProcedures(records);
        grid.Reconfigure(null);
        return Results.Ok(new { upserted = records.Count });
    }

    private static ApiError? Unscoped(HttpContext http) =>
        ApiCaller.From(http).Scope is { } scope
            ? ApiProblem.OutOfScope($"Reference data is national; this key is scoped to unit '{scope}'.")
            : null;

    private static void CheckId(List<string> problems, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{field} is required.");
        }
        else if (value.Length > MaxIdLength || value.Any(char.IsControl) || value != value.Trim())
        {
            problems.Add($"{field} must be at most {MaxIdLength} characters without control characters or surrounding spaces.");
        }
    }

    private static void CheckText(List<string> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field} is required.");
        }
        else if (value.Length > 1000)
        {
            problems.Add($"{field} is longer than 1000 characters.");
        }
    }
}
