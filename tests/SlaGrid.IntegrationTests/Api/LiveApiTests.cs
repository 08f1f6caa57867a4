using System.Net;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>GET /api/v1/units/{id}/live</c>: stats on connect and on change, alerts with ids, Last-Event-ID replay.</summary>
public sealed class LiveApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task Live_SendsStatsOnConnect_ThenStatsAndAlertsAfterAnEvent()
    {
        var province = await api.NewSubtreeAsync("LV");
        await using var live = await SseStream.OpenAsync(Http, $"api/v1/units/{province}/live");
        Assert.Equal(HttpStatusCode.OK, live.Response.StatusCode);
        Assert.Equal("text/event-stream", live.Response.Content.Headers.ContentType?.MediaType);

        var first = await live.NextAsync(_ => true);
        Assert.Equal("stats", first.Name);
        Assert.Null(first.Id);
        Assert.Equal(province, (string?)first.Json["unitId"]);
        Assert.Equal(0, (long)first.Json["received"]!);
        Assert.Equal(0d, (double)first.Json["onTimeRatio"]!);

        await Http.AcceptAsync(Ev.Received("lv-1", "LV-D1", Ev.T(3, 2, 9), unitId: "LV-C1"));

        var stats = await live.NextAsync(e => e.Name == "stats" && (long)e.Json["received"]! == 1);
        Assert.Equal(1, (long)stats.Json["overdue"]!);
        Assert.Equal(1d, (double)stats.Json["lateRatio"]!);
        Assert.True((bool)stats.Json["flagged"]!);

        var alert = await live.NextAsync(e => e.Name == "alert" && (string?)e.Json["alert"]!["dedupKey"] == "overdue:LV-D1");
        Assert.True(long.TryParse(alert.Id, out _), $"alert id '{alert.Id}' is not a sequence number");
        Assert.Equal("raised", (string?)alert.Json["event"]);
        Assert.Equal("LV-C1", (string?)alert.Json["alert"]!["unitId"]);
        Assert.Equal("open", (string?)alert.Json["alert"]!["state"]);
    }

    [PostgresFact]
    public async Task Reconnect_WithLastEventId_ReplaysTheSubtreesAlertsAfterIt_AndNoOthers()
    {
        var province = await api.NewSubtreeAsync("LR");
        string firstId;
        await using (var live = await SseStream.OpenAsync(Http, $"api/v1/units/{province}/live"))
        {
            await live.NextAsync(e => e.Name == "stats");
            await Http.AcceptAsync(Ev.Received("lr-1", "LR-D1", Ev.T(3, 2, 9), unitId: "LR-C1"));
            firstId = (await live.NextAsync(e => e.Name == "alert")).Id!;
        }

        // While disconnected: one more alert in the subtree, one elsewhere.
        await Http.AcceptAsync(
            Ev.Received("lr-2", "LR-D2", Ev.T(3, 2, 9), unitId: "LR-C2"),
            Ev.Received("lr-3", "LR-ELSEWHERE", Ev.T(3, 2, 9), unitId: "C3"));

        await using var again = await SseStream.OpenAsync(Http, $"api/v1/units/{province}/live", lastEventId: firstId);
        Assert.Equal("stats", (await again.NextAsync(_ => true)).Name);
        var replayed = await again.NextAsync(e => e.Name == "alert" && (string?)e.Json["alert"]!["dossierId"] == "LR-D2");
        Assert.True(long.Parse(replayed.Id!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(firstId, System.Globalization.CultureInfo.InvariantCulture));

        // Give the replay time to finish, then check what it held.
        await Http.AcceptAsync(Ev.Received("lr-4", "LR-D4", Ev.T(3, 2, 9), unitId: "LR-C1"));
        await again.NextAsync(e => e.Name == "alert" && (string?)e.Json["alert"]!["dossierId"] == "LR-D4");
        var seen = again.Seen;
        Assert.DoesNotContain(seen, e => e.Name == "alert" && (string?)e.Json["alert"]!["dossierId"] == "LR-ELSEWHERE");
        Assert.DoesNotContain(seen, e => e.Id == firstId);
    }

    [PostgresFact]
    public async Task Live_UnknownUnitOrNoKey_IsAProblem()
    {
        await using (var unknown = await SseStream.OpenAsync(Http, "api/v1/units/NO-SUCH-UNIT/live"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.Response.StatusCode);
            Assert.Equal("application/problem+json", unknown.Response.Content.Headers.ContentType?.MediaType);
        }

        using var anonymous = api.Silo.CreateHttp(null);
        await using var denied = await SseStream.OpenAsync(anonymous, "api/v1/units/VN/live");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.Response.StatusCode);
    }
}
