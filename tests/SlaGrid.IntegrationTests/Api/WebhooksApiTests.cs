using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>PUT/GET /api/v1/webhooks</c>: the secret is never shown back; alerts of the unit's subtree are delivered signed.</summary>
public sealed class WebhooksApiTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private const string Secret = "webhook-secret-0123456789";

    private HttpClient Http => api.Http;

    [PostgresFact]
    public async Task PutAndGet_NeverEchoTheSecret()
    {
        using var put = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/webhooks", $$"""[{"id":"wh-echo","url":"http://127.0.0.1:9/hook","secret":"{{Secret}}","unitId":"P1"}]""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var putText = await put.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, putText, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", putText, StringComparison.OrdinalIgnoreCase);

        var listText = (await Http.GetJsonAsync("api/v1/webhooks")).ToJsonString();
        Assert.DoesNotContain(Secret, listText, StringComparison.Ordinal);
        var hook = JsonNode.Parse(listText)!.AsArray().Single(h => (string?)h!["id"] == "wh-echo")!;
        Assert.Equal("http://127.0.0.1:9/hook", (string?)hook["url"]);
        Assert.Equal("P1", (string?)hook["unitId"]);
    }

    public static TheoryData<string> BadWebhooks => new()
    {
        $$"""[{"id":"wh-bad","url":"ftp://127.0.0.1/hook","secret":"{{Secret}}"}]""",
        $$"""[{"id":"wh-bad","url":"not a url","secret":"{{Secret}}"}]""",
        """[{"id":"wh-bad","url":"http://127.0.0.1:9/hook","secret":"short"}]""",
        $$"""[{"id":"wh-bad","url":"http://127.0.0.1:9/hook","secret":"{{Secret}}","unitId":"NO-SUCH-UNIT"}]""",
        $$"""[{"url":"http://127.0.0.1:9/hook","secret":"{{Secret}}"}]""",
    };

    [PostgresTheory]
    [MemberData(nameof(BadWebhooks))]
    public async Task BadWebhook_Is400_AndNotStored(string body)
    {
        await (await Http.SendJsonAsync(HttpMethod.Put, "api/v1/webhooks", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.DoesNotContain((await Http.GetJsonAsync("api/v1/webhooks")).AsArray(), h => (string?)h!["id"] == "wh-bad");
    }

    [PostgresFact]
    public async Task AlertsOfTheSubtree_AreDeliveredSignedWithTheSecret_OthersAreNot()
    {
        await api.NewSubtreeAsync("WH");
        await using var receiver = await WebhookReceiver.StartAsync();
        using var put = await Http.SendJsonAsync(HttpMethod.Put, "api/v1/webhooks", $$"""[{"id":"wh-live","url":"{{receiver.Url}}","secret":"{{Secret}}","unitId":"WH-P"}]""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Http.AcceptAsync(
            Ev.Received("wh-1", "WH-D1", Ev.T(3, 2, 9), unitId: "WH-C1"),
            Ev.Received("wh-2", "WH-ELSEWHERE", Ev.T(3, 2, 9), unitId: "C3"));

        await Eventually.WaitAsync(
            () => Task.FromResult(receiver.Deliveries.Any(d => Encoding.UTF8.GetString(d.Body).Contains("overdue:WH-D1", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the webhook delivery");

        foreach (var (signature, kind, body) in receiver.Deliveries)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
            Assert.Equal(expected, signature);
            Assert.False(string.IsNullOrEmpty(kind));
            var json = JsonNode.Parse(body)!;
            Assert.StartsWith("WH-", (string?)json["alert"]!["unitId"], StringComparison.Ordinal);
        }
    }
}
