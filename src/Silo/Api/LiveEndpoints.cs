using System.Text;
using System.Text.Json;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Api;

/// <summary>
/// <c>GET /units/{id}/live</c>: server-sent events. <c>event: stats</c> with the subtree's stats on connect and on
/// every coalesced change; <c>event: alert</c> with <c>id: &lt;outbox sequence&gt;</c> for every alert change in the
/// subtree (a reconnect with <c>Last-Event-ID</c> replays what it missed); <c>: keepalive</c> every 15 s.
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapLiveEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/live", StreamAsync).RequireAuthorization(ApiRoles.CanRead);
        return api;
    }

    private static async Task StreamAsync(string id, HttpContext http, LiveHub hub, IGrainFactory grains, GridContext grid, ISlaGridStorage storage, CancellationToken ct)
    {
        if (QueryEndpoints.CheckUnit(http, grid.Catalog, id) is { } denied)
        {
            await ApiProblem.Write(http, denied);
            return;
        }

        using var subscription = hub.Subscribe(id);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        var province = grid.Catalog.Units.ProvinceOf(id);
        var snapshot = await grains.GetGrain<IUnitGrain>(id).GetSnapshotAsync(ct);
        var total = snapshot.Sum(null, null);
        await WriteAsync(response, "stats", null, JsonSerializer.Serialize(total.ToUnitStats(id, grid.Options.Thresholds.IsUnitFlagged(total, province)), SlaGridJson.Options), ct);

        if (long.TryParse(http.Request.Headers["Last-Event-ID"], out var lastSeen) && lastSeen >= 0)
        {
            var subtree = grid.Catalog.Units.SubtreeOf(id).ToHashSet(StringComparer.Ordinal);
            while (true)
            {
                var missed = await storage.Alerts.ReadOutboxAsync(lastSeen, 500, ct);
                foreach (var entry in missed.Where(e => subtree.Contains(e.Alert.UnitId)))
                {
                    await WriteAlertAsync(response, entry, ct);
                }

                if (missed.Count < 500)
                {
                    break;
                }

                lastSeen = missed[^1].Sequence;
            }
        }

        await response.Body.FlushAsync(ct);
        var reader = subscription.Reader;
        while (!ct.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(KeepAlive);
            bool available;
            try
            {
                available = await reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await response.WriteAsync(": keepalive\n\n", ct);
                await response.Body.FlushAsync(ct);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!available)
            {
                return;
            }

            while (reader.TryRead(out var message))
            {
                if (message.Stats is UnitLiveStats stats)
                {
                    await WriteAsync(response, "stats", null, JsonSerializer.Serialize(stats.Totals.ToUnitStats(stats.UnitId, stats.Flagged), SlaGridJson.Options), ct);
                }
                else if (message.Alert is { } entry)
                {
                    await WriteAlertAsync(response, entry, ct);
                }
            }

            await response.Body.FlushAsync(ct);
        }
    }

    private static Task WriteAlertAsync(HttpResponse response, AlertOutboxEntry entry, CancellationToken ct) =>
        WriteAsync(response, "alert", entry.Sequence, JsonSerializer.Serialize(new AlertEvent(entry.Event, entry.Alert.ToContract()), SlaGridJson.Options), ct);

    private static Task WriteAsync(HttpResponse response, string name, long? id, string json, CancellationToken ct)
    {
        var text = new StringBuilder(json.Length + 48);
        text.Append("event: ").Append(name).Append('\n');
        if (id is { } i)
        {
            text.Append("id: ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("data: ").Append(json).Append("\n\n");
        return response.WriteAsync(text.ToString(), ct);
    }
}
