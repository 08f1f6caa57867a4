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
/// subtree (a reconnect with <c>Last-Event-ID</c> replays what it missed; alerts dropped from a connection's full
/// queue during a burst are read back from the outbox, so each alert is written at least once — in sequence order,
/// except that one whose drop is reported after newer ones were written comes after them);
/// <c>: keepalive</c> every 15 s.
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

        HashSet<string>? subtree = null;
        var replayed = -1L; // a resumed connection replays up to here from the outbox: queued alerts up to it are skipped
        if (long.TryParse(http.Request.Headers["Last-Event-ID"], out var lastSeen) && lastSeen >= 0)
        {
            replayed = await ReplayAsync(lastSeen);
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
                // A drop is reported after the queue moved on: wake for it too, even when nothing else comes.
                var readable = reader.WaitToReadAsync(wait.Token).AsTask();
                if (await Task.WhenAny(readable, subscription.AlertDropped) != readable)
                {
                    await WriteDroppedAsync(subscription.TakeDroppedAlerts());
                    await response.Body.FlushAsync(ct);
                }

                available = await readable;
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
                // The queue overflowed (a burst) and dropped alerts: read them back from the outbox, in sequence order
                // around this message (a drop can be reported after the message was taken: then the dropped alerts
                // are newer than it). A dropped alert is no longer queued, so nothing written here comes again.
                var dropped = subscription.TakeDroppedAlerts();
                if (message.Stats is UnitLiveStats stats)
                {
                    await WriteDroppedAsync(dropped);
                    await WriteAsync(response, "stats", null, JsonSerializer.Serialize(stats.Totals.ToUnitStats(stats.UnitId, stats.Flagged), SlaGridJson.Options), ct);
                }
                else if (message.Alert is { } entry)
                {
                    await WriteDroppedAsync([.. dropped.Where(d => d < entry.Sequence)]);
                    if (entry.Sequence > replayed)
                    {
                        await WriteAlertAsync(response, entry, ct);
                    }

                    await WriteDroppedAsync([.. dropped.Where(d => d > entry.Sequence)]);
                }
            }

            await response.Body.FlushAsync(ct);
        }

        // Writes, from the outbox, the alerts with these sequences (sorted): the ones the subscription dropped.
        async Task WriteDroppedAsync(IReadOnlyList<long> dropped)
        {
            if (dropped.Count == 0)
            {
                return;
            }

            var wanted = dropped.ToHashSet();
            var after = dropped[0] - 1;
            while (after < dropped[^1])
            {
                var page = await storage.Alerts.ReadOutboxAsync(after, 500, ct);
                foreach (var entry in page.Where(e => wanted.Contains(e.Sequence) && e.Sequence > replayed))
                {
                    await WriteAlertAsync(response, entry, ct);
                }

                if (page.Count == 0)
                {
                    return;
                }

                after = page[^1].Sequence;
            }
        }

        // Writes the subtree's outbox entries after a sequence; returns the last sequence read.
        async Task<long> ReplayAsync(long after)
        {
            subtree ??= grid.Catalog.Units.SubtreeOf(id).ToHashSet(StringComparer.Ordinal);
            while (true)
            {
                var missed = await storage.Alerts.ReadOutboxAsync(after, 500, ct);
                foreach (var entry in missed.Where(e => subtree.Contains(e.Alert.UnitId)))
                {
                    await WriteAlertAsync(response, entry, ct);
                }

                if (missed.Count > 0)
                {
                    after = missed[^1].Sequence;
                }

                if (missed.Count < 500)
                {
                    return after;
                }
            }
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
