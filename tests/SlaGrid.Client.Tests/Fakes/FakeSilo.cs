using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client.Tests.Fakes;

/// <summary>
/// A small imitation of the silo's HTTP behaviour on a real Kestrel server (127.0.0.1, a free port): the contract's
/// paths, bodies, problem answers and SSE framing, with knobs to inject failures. Not a database: just enough state
/// to observe what the client did (how many posts, how many effects per event id).
/// </summary>
public sealed class FakeSilo : IAsyncDisposable
{
    public const string AdminKey = "admin-secret-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _liveConnections;

    private FakeSilo(WebApplication app)
    {
        _app = app;
        _keys[AdminKey] = Roles.Admin;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Accepted events by id, with how many times each took effect (the contract says: once).</summary>
    public ConcurrentDictionary<string, int> Effects { get; } = new(StringComparer.Ordinal);

    /// <summary>The size of every POST /api/v1/events body that reached the handler, in order.</summary>
    public ConcurrentQueue<int> Batches { get; } = new();

    /// <summary>Failures to answer to the next event posts, in order.</summary>
    public ConcurrentQueue<InjectedFailure> EventFailures { get; } = new();

    public ConcurrentDictionary<string, Dossier> Dossiers { get; } = new(StringComparer.Ordinal);

    public List<Alert> Alerts { get; } = [];

    public List<Unit> Units { get; } = [];

    public List<Officer> Officers { get; } = [];

    public List<Procedure> Procedures { get; } = [];

    public List<Webhook> Webhooks { get; } = [];

    public List<CalendarUpdate> Calendars { get; } = [];

    public List<KeyInfo> Keys { get; } = [];

    /// <summary>Raw request bodies of the PUT endpoints, by path.</summary>
    public ConcurrentDictionary<string, string> RawBodies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every POST /api/v1/events body, in order.</summary>
    public ConcurrentQueue<string> EventBodies { get; } = new();

    /// <summary>The query string of every request, by path.</summary>
    public ConcurrentDictionary<string, string> Queries { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>Last-Event-ID</c> header of each live connection, in order (null when absent).</summary>
    public ConcurrentQueue<string?> LiveLastEventIds { get; } = new();

    /// <summary>What each live connection sends: raw chunks, flushed one by one; a null ends the connection.</summary>
    public Channel<string?> LiveChunks { get; } = Channel.CreateUnbounded<string?>();

    /// <summary>Status codes to answer to the next live connections instead of streaming.</summary>
    public ConcurrentQueue<HttpStatusCode> LiveFailures { get; } = new();

    public bool Ready { get; set; } = true;

    /// <summary>When set, every /api request is answered with this status (a problem), after authentication.</summary>
    public int? ForcedStatus { get; set; }

    public static async Task<FakeSilo> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => SlaGridJson.Configure(o.SerializerOptions));
        var app = builder.Build();
        var silo = new FakeSilo(app);
        silo.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        silo.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return silo;
    }

    public SlaGridClient CreateClient(TimeProvider? time = null, string? key = AdminKey, Action<SlaGridClientOptions>? configure = null)
    {
        var options = new SlaGridClientOptions { BaseAddress = BaseAddress, ApiKey = key, TimeProvider = time ?? TimeProvider.System };
        configure?.Invoke(options);
        return new SlaGridClient(new HttpClient(), options);
    }

    public int EventPosts => Batches.Count;

    public async ValueTask DisposeAsync()
    {
        LiveChunks.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Problem(int status, string code, string detail, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null) =>
        Results.Json(
            new Problem("https://slagrid.test/problems/" + code, code.Replace('_', ' '), status, detail, code, null, errors),
            SlaGridJsonContext.Default.Problem,
            "application/problem+json",
            status);

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Queries[context.Request.Path.Value ?? string.Empty] = context.Request.QueryString.Value ?? string.Empty;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_keys.ContainsKey(header["Bearer ".Length..]))
                {
                    await Problem(401, ErrorCodes.Unauthorized, "A valid API key is required.").ExecuteAsync(context);
                    return;
                }

                if (ForcedStatus is { } forced)
                {
                    await Problem(forced, forced == 429 ? ErrorCodes.RateLimited : ErrorCodes.InternalError, "Forced.").ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });

        app.MapPut("/api/v1/calendar", async (HttpContext c) =>
        {
            var body = await ReadBody(c);
            var calendar = JsonSerializer.Deserialize(body, SlaGridJsonContext.Default.CalendarUpdate)!;
            lock (_gate)
            {
                Calendars.Add(calendar);
            }

            return Results.NoContent();
        });
        MapPutList(app, "/api/v1/units", SlaGridJsonContext.Default.IReadOnlyListUnit, Units);
        MapPutList(app, "/api/v1/officers", SlaGridJsonContext.Default.IReadOnlyListOfficer, Officers);
        MapPutList(app, "/api/v1/procedures", SlaGridJsonContext.Default.IReadOnlyListProcedure, Procedures);
        MapPutList(app, "/api/v1/webhooks", SlaGridJsonContext.Default.IReadOnlyListWebhook, Webhooks);
        app.MapGet("/api/v1/units", () =>
        {
            lock (_gate)
            {
                return Results.Json<IReadOnlyList<Unit>>([.. Units], SlaGridJsonContext.Default.IReadOnlyListUnit);
            }
        });
        app.MapGet("/api/v1/webhooks", () =>
        {
            lock (_gate)
            {
                return Results.Json<IReadOnlyList<WebhookInfo>>([.. Webhooks.Select(w => new WebhookInfo(w.Id, w.Url, w.UnitId))], SlaGridJsonContext.Default.IReadOnlyListWebhookInfo);
            }
        });
        app.MapPost("/api/v1/events", (Func<HttpContext, Task<IResult>>)PostEvents);
        app.MapGet("/api/v1/dossiers/{id}", (string id) =>
            Dossiers.TryGetValue(id, out var d) ? Results.Json(d, SlaGridJsonContext.Default.Dossier) : Problem(404, ErrorCodes.NotFound, $"No dossier '{id}'."));
        app.MapGet("/api/v1/units/{id}/stats", (string id) =>
        {
            if (id == "missing")
            {
                return Problem(404, ErrorCodes.NotFound, $"No unit '{id}'.");
            }

            var received = Effects.Count;
            return Results.Json(new UnitStats(id, received, received, 1, 2, 0, 0, 0, 0, 0.75, 0.25, true), SlaGridJsonContext.Default.UnitStats);
        });
        app.MapGet("/api/v1/units/{id}/dossiers", (string id, int? limit) =>
            Results.Json<IReadOnlyList<Dossier>>([.. Dossiers.Values.Where(d => d.UnitId == id).OrderBy(d => d.DueAt).Take(limit ?? 100)], SlaGridJsonContext.Default.IReadOnlyListDossier));
        app.MapGet("/api/v1/officers/{id}/stats", (string id) =>
            Results.Json(new OfficerStats(id, 10, 4, 0, 1, 1, 3, 2, 1, 0.9, 0.1, false), SlaGridJsonContext.Default.OfficerStats));
        app.MapGet("/api/v1/alerts", (string? unitId, string? state, string? kind) =>
        {
            lock (_gate)
            {
                IReadOnlyList<Alert> result = [.. Alerts.Where(a => (unitId is null || a.UnitId == unitId) && (state is null || a.State == state) && (kind is null || a.Kind == kind))];
                return Results.Json(result, SlaGridJsonContext.Default.IReadOnlyListAlert);
            }
        });
        app.MapPost("/api/v1/alerts/{id}/ack", (string id) =>
        {
            lock (_gate)
            {
                var index = Alerts.FindIndex(a => a.Id == id);
                if (index < 0)
                {
                    return Problem(404, ErrorCodes.NotFound, $"No alert '{id}'.");
                }

                Alerts[index] = Alerts[index] with { State = AlertStates.Acknowledged, AcknowledgedAt = DateTimeOffset.Parse("2026-01-05T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture) };
                return Results.Json(Alerts[index], SlaGridJsonContext.Default.Alert);
            }
        });
        app.MapPost("/api/v1/keys", async (HttpContext c) =>
        {
            var request = JsonSerializer.Deserialize(await ReadBody(c), SlaGridJsonContext.Default.CreateKeyRequest)!;
            if (!Roles.All.Contains(request.Role))
            {
                return Problem(400, ErrorCodes.ValidationFailed, "Unknown role.", new Dictionary<string, IReadOnlyList<string>> { ["role"] = ["must be admin, ingest or read"] });
            }

            var id = "k" + (Keys.Count + 1);
            var secret = "sg_" + Guid.NewGuid().ToString("N");
            var created = new CreatedKey(id, request.Name, request.Role, request.UnitId, DateTimeOffset.Parse("2026-01-05T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), secret);
            lock (_gate)
            {
                Keys.Add(new KeyInfo(id, request.Name, request.Role, request.UnitId, created.CreatedAt, null));
            }

            _keys[secret] = request.Role;
            return Results.Json(created, SlaGridJsonContext.Default.CreatedKey, statusCode: 201);
        });
        app.MapGet("/api/v1/keys", () =>
        {
            lock (_gate)
            {
                return Results.Json<IReadOnlyList<KeyInfo>>([.. Keys], SlaGridJsonContext.Default.IReadOnlyListKeyInfo);
            }
        });
        app.MapDelete("/api/v1/keys/{id}", (string id) =>
        {
            lock (_gate)
            {
                var index = Keys.FindIndex(k => k.Id == id);
                if (index < 0)
                {
                    return Problem(404, ErrorCodes.NotFound, $"No key '{id}'.");
                }

                Keys[index] = Keys[index] with { RevokedAt = Keys[index].CreatedAt.AddHours(1) };
                return Results.NoContent();
            }
        });
        app.MapGet("/api/v1/units/{id}/live", Live);
        app.MapGet("/api/v1/boom", () => Results.Text("<html>bad gateway</html>", "text/html", statusCode: 502));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => Ready ? Results.Text("ready") : Results.Text("not ready", statusCode: 503));
        app.MapGet("/metrics", () => Results.Text("# TYPE slagrid_events_total counter\nslagrid_events_total{result=\"accepted\"} 3\n", "text/plain; version=0.0.4"));
    }

    private void MapPutList<T>(WebApplication app, string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> type, List<T> target)
    {
        app.MapPut(path, async (HttpContext c) =>
        {
            var body = await ReadBody(c);
            RawBodies[path] = body;
            IReadOnlyList<T> items;
            try
            {
                items = JsonSerializer.Deserialize(body, type)!;
            }
            catch (JsonException e)
            {
                return Problem(400, ErrorCodes.MalformedJson, e.Message);
            }

            lock (_gate)
            {
                target.AddRange(items);
            }

            return Results.NoContent();
        });
    }

    private static async Task<string> ReadBody(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private async Task<IResult> PostEvents(HttpContext context)
    {
        var body = await ReadBody(context);
        RawBodies["/api/v1/events"] = body;
        EventBodies.Enqueue(body);
        JsonElement[] elements;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Problem(400, ErrorCodes.MalformedJson, "The body must be an array of events.");
            }

            elements = [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        catch (JsonException e)
        {
            return Problem(400, ErrorCodes.MalformedJson, e.Message);
        }

        Batches.Enqueue(elements.Length);
        EventFailures.TryDequeue(out var failure);
        if (failure is { AfterCommit: false })
        {
            return Fail(context, failure);
        }

        var results = new List<IngestResult>();
        foreach (var element in elements)
        {
            DossierEvent e;
            try
            {
                e = element.Deserialize(SlaGridJsonContext.Default.DossierEvent)!;
            }
            catch (JsonException ex)
            {
                var id = element.TryGetProperty("eventId", out var p) ? p.GetString() ?? string.Empty : string.Empty;
                results.Add(new IngestResult(id, IngestStatuses.Rejected, new EventError(ErrorCodes.MissingField, ex.Message)));
                continue;
            }

            if (!EventTypes.All.Contains(e.Type))
            {
                results.Add(new IngestResult(e.EventId, IngestStatuses.Rejected, new EventError(ErrorCodes.UnknownType, $"'{e.Type}' is not an event type.")));
                continue;
            }

            if (e.Type == EventTypes.Received && e.UnitId == "nowhere")
            {
                results.Add(new IngestResult(e.EventId, IngestStatuses.Rejected, new EventError(ErrorCodes.UnknownUnit, "No unit 'nowhere'.")));
                continue;
            }

            var first = true;
            Effects.AddOrUpdate(e.EventId, 1, (_, n) =>
            {
                first = false;
                return n;
            });
            results.Add(new IngestResult(e.EventId, first ? IngestStatuses.Accepted : IngestStatuses.Duplicate));
        }

        if (failure is { AfterCommit: true })
        {
            // The batch is durable but the answer is lost: the client must resend, and get duplicates.
            return Fail(context, failure);
        }

        return Results.Json(new IngestResponse(results), SlaGridJsonContext.Default.IngestResponse);
    }

    private static IResult Fail(HttpContext context, InjectedFailure failure)
    {
        if (failure.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return failure.WithProblem
            ? Problem(failure.Status, failure.Status == 429 ? ErrorCodes.RateLimited : failure.Status == 503 ? ErrorCodes.Unavailable : "injected", "Injected failure.")
            : Results.Text("injected", statusCode: failure.Status);
    }

    private async Task Live(HttpContext context, string id)
    {
        Interlocked.Increment(ref _liveConnections);
        LiveLastEventIds.Enqueue(context.Request.Headers.TryGetValue("Last-Event-ID", out var last) ? last.ToString() : null);
        if (LiveFailures.TryDequeue(out var status))
        {
            await Problem((int)status, status == HttpStatusCode.Unauthorized ? ErrorCodes.Unauthorized : ErrorCodes.Unavailable, "Injected.").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = ApiRoutes.EventStreamMediaType;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            while (await LiveChunks.Reader.WaitToReadAsync(context.RequestAborted))
            {
                if (!LiveChunks.Reader.TryRead(out var chunk))
                {
                    continue;
                }

                if (chunk is null)
                {
                    return;
                }

                await context.Response.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }
}
