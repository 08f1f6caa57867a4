using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace SlaGrid.IntegrationTests.Page;

/// <summary>
/// A real Kestrel host on 127.0.0.1 that serves the operations page's static files and an in-memory imitation of
/// the endpoints the page calls (HTTP API v1: units, stats, dossiers, alerts, ack, live SSE). It checks the
/// bearer key, answers errors as problem+json, records every API request, and lets a test push SSE text.
/// It imitates the contract; it is not a database and computes nothing.
/// </summary>
public sealed class FakeOperationsApi : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _units = [];
    private readonly Dictionary<string, JsonObject> _stats = [];
    private readonly Dictionary<string, JsonArray> _dossiers = [];
    private readonly List<JsonObject> _alerts = [];
    private readonly List<FakeLiveSubscriber> _subscribers = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private WebApplication? _app;
    private TaskCompletionSource? _alertListGate;
    private string _apiKey;

    private FakeOperationsApi(string apiKey)
    {
        _apiKey = apiKey;
    }

    /// <summary>The address the page is served at (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every API request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The alert ids the page acknowledged (POST .../ack with the right key), in order.</summary>
    public IReadOnlyList<string> Acknowledged => [.. _acknowledged];

    /// <summary>Starts the host serving <paramref name="webRoot"/>; API calls need <c>Bearer <paramref name="apiKey"/></c>.</summary>
    public static async Task<FakeOperationsApi> StartAsync(string webRoot, string apiKey, CancellationToken cancellationToken)
    {
        var fake = new FakeOperationsApi(apiKey);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = webRoot, WebRootPath = webRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot) });
        fake.Map(app);
        await app.StartAsync(cancellationToken);
        fake._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Adds or replaces units (<c>{id,name,parentId,level,leaders}</c>).</summary>
    public void SetUnits(params JsonObject[] units)
    {
        lock (_gate)
        {
            foreach (var unit in units)
            {
                _units.RemoveAll(u => Id(u) == Id(unit));
                _units.Add(unit);
            }
        }
    }

    /// <summary>What GET .../stats answers for a unit (and what a new live stream sends first).</summary>
    public void SetStats(string unitId, JsonObject stats)
    {
        lock (_gate)
        {
            _stats[unitId] = stats;
        }
    }

    /// <summary>What GET .../dossiers answers for a unit (already in "most overdue first" order).</summary>
    public void SetDossiers(string unitId, params JsonObject[] dossiers)
    {
        lock (_gate)
        {
            _dossiers[unitId] = [.. dossiers];
        }
    }

    /// <summary>Adds an alert that GET /api/v1/alerts lists.</summary>
    public void AddAlert(JsonObject alert)
    {
        lock (_gate)
        {
            _alerts.Add(alert);
        }
    }

    /// <summary>
    /// Makes GET /api/v1/alerts wait until the returned action is called, so a test can deliver live events while
    /// the page's list request is still out.
    /// </summary>
    public Action HoldAlertLists()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _alertListGate = gate;
        }

        return () =>
        {
            lock (_gate)
            {
                _alertListGate = null;
            }

            gate.TrySetResult();
        };
    }

    /// <summary>Changes the key the fake accepts (the old one gets 401 from now on).</summary>
    public void ChangeKey(string apiKey)
    {
        lock (_gate)
        {
            _apiKey = apiKey;
        }
    }

    /// <summary>The open live streams of a unit.</summary>
    public IReadOnlyList<FakeLiveSubscriber> Subscribers(string unitId)
    {
        lock (_gate)
        {
            return _subscribers.Where(s => s.UnitId == unitId).ToList();
        }
    }

    /// <summary>How many live streams were ever opened for a unit.</summary>
    public int LiveConnections(string unitId) =>
        _requests.Count(r => r.Method == "GET" && r.Path == $"/api/v1/units/{unitId}/live");

    /// <summary>How many API requests match a method and path.</summary>
    public int Count(string method, string path) => _requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>Writes raw text to every open live stream of a unit, one flushed chunk per element; returns how many streams.</summary>
    public int PushRaw(string unitId, params string[] chunks)
    {
        var targets = Subscribers(unitId);
        foreach (var subscriber in targets)
        {
            foreach (var chunk in chunks)
            {
                subscriber.Chunks.Writer.TryWrite(chunk);
            }
        }

        return targets.Count;
    }

    /// <summary>
    /// Sends <c>event: stats</c> to a unit's live streams WITHOUT changing what GET .../stats answers, so a page
    /// that shows these numbers can only have them from the stream. The event is cut mid-line into several flushed
    /// chunks, uses CRLF line ends and spreads its JSON over two <c>data:</c> lines.
    /// </summary>
    public int PushStats(string unitId, JsonObject stats)
    {
        var json = stats.ToJsonString();
        var cut = json.IndexOf(',', StringComparison.Ordinal) + 1;
        var text = $": keepalive\r\nevent: stats\r\ndata: {json[..cut]}\r\ndata: {json[cut..]}\r\n\r\n";
        return PushRaw(unitId, text[..7], text[7..20], text[20..(text.Length / 2)], text[(text.Length / 2)..^1], text[^1..]);
    }

    /// <summary>Sends <c>event: alert</c> with <c>id: seq</c> and <c>{"event":kind,"alert":...}</c> to a unit's live streams.</summary>
    public int PushAlert(string unitId, long seq, string change, JsonObject alert)
    {
        var data = new JsonObject { ["event"] = change, ["alert"] = alert.DeepClone() }.ToJsonString();
        return PushRaw(unitId, $"event: alert\nid: {seq}\ndata: {data}\n\n");
    }

    /// <summary>Ends every open live stream of a unit from the server side.</summary>
    public void DropLive(string unitId)
    {
        foreach (var subscriber in Subscribers(unitId))
        {
            subscriber.Drop();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Drop();
            }
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            _requests.Enqueue(new RecordedRequest(
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                request.Headers.Authorization.FirstOrDefault(),
                request.Headers["Last-Event-ID"].FirstOrDefault()));
            string expected;
            lock (_gate)
            {
                expected = "Bearer " + _apiKey;
            }

            return request.Headers.Authorization.FirstOrDefault() == expected
                ? await next(context)
                : Problem(401, "Unauthorized", "The API key is missing, unknown or revoked.", "unauthorized");
        });

        api.MapGet("/units", () =>
        {
            lock (_gate)
            {
                return Json(new JsonArray([.. _units.Select(u => u.DeepClone())]));
            }
        });

        api.MapGet("/units/{id}/stats", (string id) =>
        {
            lock (_gate)
            {
                return _stats.TryGetValue(id, out var stats)
                    ? Json(stats.DeepClone())
                    : Problem(404, "Not Found", $"Unit '{id}' does not exist.", "unit_not_found");
            }
        });

        api.MapGet("/units/{id}/dossiers", (string id, int? limit) =>
        {
            lock (_gate)
            {
                var list = _dossiers.TryGetValue(id, out var dossiers) ? dossiers : [];
                return Json(new JsonArray([.. list.Take(limit ?? 50).Select(d => d!.DeepClone())]));
            }
        });

        api.MapGet("/alerts", async (string? unitId, string? state, HttpContext context) =>
        {
            Task hold;
            lock (_gate)
            {
                hold = _alertListGate?.Task ?? Task.CompletedTask;
            }

            await hold.WaitAsync(context.RequestAborted);
            lock (_gate)
            {
                var scope = unitId is null ? null : Subtree(unitId);
                return Json(new JsonArray([.. _alerts
                    .Where(a => scope is null || scope.Contains((string?)a["unitId"] ?? string.Empty))
                    .Where(a => state is null || (string?)a["state"] == state)
                    .Select(a => a.DeepClone())]));
            }
        });

        api.MapPost("/alerts/{id}/ack", (string id) =>
        {
            lock (_gate)
            {
                var alert = _alerts.FirstOrDefault(a => Id(a) == id);
                if (alert is null)
                {
                    return Problem(404, "Not Found", $"Alert '{id}' does not exist.", "alert_not_found");
                }

                alert["state"] = "acknowledged";
                _acknowledged.Enqueue(id);
                return Json(alert.DeepClone());
            }
        });

        api.MapGet("/units/{id}/live", async (string id, HttpContext context) =>
        {
            JsonObject? stats;
            var subscriber = new FakeLiveSubscriber(id, context.Request.Headers["Last-Event-ID"].FirstOrDefault());
            lock (_gate)
            {
                stats = _stats.TryGetValue(id, out var known) ? (JsonObject)known.DeepClone() : null;
                _subscribers.Add(subscriber);
            }

            try
            {
                context.Response.ContentType = "text/event-stream";
                context.Response.Headers.CacheControl = "no-store";
                var body = context.Response.Body;
                var cancel = context.RequestAborted;
                if (stats is not null)
                {
                    await body.WriteAsync(Encoding.UTF8.GetBytes($"event: stats\ndata: {stats.ToJsonString()}\n\n"), cancel);
                }

                await body.FlushAsync(cancel);
                await foreach (var chunk in subscriber.Chunks.Reader.ReadAllAsync(cancel))
                {
                    await body.WriteAsync(Encoding.UTF8.GetBytes(chunk), cancel);
                    await body.FlushAsync(cancel);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away.
            }
            finally
            {
                lock (_gate)
                {
                    _subscribers.Remove(subscriber);
                }
            }
        });
    }

    private HashSet<string> Subtree(string unitId)
    {
        var result = new HashSet<string> { unitId };
        bool grew;
        do
        {
            grew = false;
            foreach (var unit in _units)
            {
                if ((string?)unit["parentId"] is { } parent && result.Contains(parent) && result.Add(Id(unit)))
                {
                    grew = true;
                }
            }
        }
        while (grew);
        return result;
    }

    private static string Id(JsonNode node) => (string?)node["id"] ?? string.Empty;

    private static IResult Json(JsonNode node) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8);

    private static IResult Problem(int status, string title, string detail, string code) =>
        Results.Text(
            new JsonObject
            {
                ["type"] = $"https://slagrid.dev/problems/{code}",
                ["title"] = title,
                ["status"] = status,
                ["detail"] = detail,
                ["code"] = code,
            }.ToJsonString(),
            "application/problem+json",
            Encoding.UTF8,
            status);
}
