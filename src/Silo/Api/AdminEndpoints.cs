using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary>
/// Admin: API keys (<c>POST/GET /keys</c>, <c>DELETE /keys/{id}</c>; the key itself is shown once, only its hash is
/// stored) and webhooks (<c>PUT/GET /webhooks</c>; the secret is never shown back).
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/keys", CreateKeyAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapGet("/keys", async (HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, CancellationToken ct) =>
        {
            var caller = ApiCaller.From(http);
            var keys = await storage.Keys.GetAllAsync(ct);
            return Results.Json(
                keys.Where(k => caller.Scope is null || (k.UnitScope is not null && caller.Covers(catalog.Units, k.UnitScope)))
                    .OrderBy(k => k.CreatedAt)
                    .Select(k => new KeyInfo(k.Id, k.Name, k.Role, k.UnitScope, ApiMapping.Local(k.CreatedAt)!.Value, ApiMapping.Local(k.RevokedAt)))
                    .ToList(),
                SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapDelete("/keys/{id}", async (string id, HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, ApiKeyValidator validator, TimeProvider time, CancellationToken ct) =>
        {
            var key = await storage.Keys.GetAsync(id, ct);
            var caller = ApiCaller.From(http);
            if (key is null)
            {
                return ApiProblem.NotFound($"No key '{id}'.").ToResult();
            }

            if (caller.Scope is not null && (key.UnitScope is null || !caller.Covers(catalog.Units, key.UnitScope)))
            {
                return caller.OutOfScope($"Key '{id}'").ToResult();
            }

            await storage.Keys.RevokeAsync(id, time.GetUtcNow(), ct);
            validator.Forget(id);
            return Results.NoContent();
        }).RequireAuthorization(ApiRoles.CanAdminister);

        api.MapPut("/webhooks", PutWebhooksAsync).RequireAuthorization(ApiRoles.CanAdminister);
        api.MapGet("/webhooks", async (HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, CancellationToken ct) =>
        {
            var caller = ApiCaller.From(http);
            var hooks = await storage.Webhooks.GetAllAsync(ct);
            return Results.Json(
                hooks.Where(h => caller.Scope is null || caller.Covers(catalog.Units, h.UnitId))
                    .Select(h => new WebhookInfo(h.Id, h.Url, h.UnitId))
                    .ToList(),
                SlaGridJson.Options);
        }).RequireAuthorization(ApiRoles.CanAdminister);
        return api;
    }

    private static async Task<IResult> CreateKeyAsync(HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateKeyRequest>(http.Request, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(body!.Name) || body.Name.Length > 200)
        {
            problems.Add("name is required (at most 200 characters).");
        }

        if (!ApiRoles.IsValid(body.Role))
        {
            problems.Add("role must be admin, ingest or read.");
        }

        if (body.UnitId is not null && !catalog.Units.Contains(body.UnitId))
        {
            problems.Add($"unitId '{body.UnitId}' is not a known unit.");
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var caller = ApiCaller.From(http);
        if (caller.Scope is not null && (body.UnitId is null || !caller.Covers(catalog.Units, body.UnitId)))
        {
            return caller.OutOfScope("A key for that scope").ToResult();
        }

        var (id, key, hash) = ApiKeyFormat.Generate();
        var now = time.GetUtcNow();
        await storage.Keys.UpsertAsync(new ApiKeyRecord(id, body.Name, body.Role, body.UnitId, hash, now, null), ct);
        var created = new CreatedKey(id, body.Name, body.Role, body.UnitId, ApiMapping.Local(now)!.Value, key);
        return Results.Json(created, SlaGridJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PutWebhooksAsync(HttpContext http, ISlaGridStorage storage, ReferenceCatalog catalog, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync<List<Webhook>>(http.Request, ct);
        if (error is not null)
        {
            return error.ToResult();
        }

        var caller = ApiCaller.From(http);
        var problems = new List<string>();
        for (var i = 0; i < body!.Count; i++)
        {
            var w = body[i];
            if (w is null || string.IsNullOrWhiteSpace(w.Id) || w.Id.Length > 200)
            {
                problems.Add($"[{i}].id is required (at most 200 characters).");
                continue;
            }

            if (!Uri.TryCreate(w.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"[{i}].url must be an absolute http or https URL.");
            }

            if (string.IsNullOrEmpty(w.Secret) || w.Secret.Length < 16)
            {
                problems.Add($"[{i}].secret must be at least 16 characters.");
            }

            if (w.UnitId is not null && !catalog.Units.Contains(w.UnitId))
            {
                problems.Add($"[{i}].unitId '{w.UnitId}' is not a known unit.");
            }
            else if (caller.Scope is not null && !caller.Covers(catalog.Units, w.UnitId))
            {
                return caller.OutOfScope($"Webhook '{w.Id}' (unit '{w.UnitId ?? "all"}')").ToResult();
            }
        }

        if (problems.Count > 0)
        {
            return JsonBody.Invalid(problems).ToResult();
        }

        var head = await storage.Alerts.GetOutboxHeadAsync(ct);
        await storage.Webhooks.UpsertAsync(body.Select(w => new WebhookRecord(w.Id, w.Url, w.Secret, w.UnitId)).ToList(), head, ct);
        return Results.Json(body.Select(w => new WebhookInfo(w.Id, w.Url, w.UnitId)).ToList(), SlaGridJson.Options);
    }
}
