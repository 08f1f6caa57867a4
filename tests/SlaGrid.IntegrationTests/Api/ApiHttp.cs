using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>Raw HTTP helpers: the tests look at the wire (status, content type, JSON members), not the SDK's view.</summary>
public static class ApiHttp
{
    /// <summary>POSTs <paramref name="events"/> as a JSON array.</summary>
    public static Task<HttpResponseMessage> PostEventsAsync(this HttpClient http, params object[] events) =>
        http.SendJsonAsync(HttpMethod.Post, "api/v1/events", JsonSerializer.Serialize(events));

    /// <summary>POSTs events, expects 200, and returns the <c>results</c> array.</summary>
    public static async Task<JsonArray> IngestAsync(this HttpClient http, params object[] events)
    {
        using var response = await http.PostEventsAsync(events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /events answered {(int)response.StatusCode}: {body}");
        var results = JsonNode.Parse(body)!["results"]!.AsArray();
        Assert.Equal(events.Length, results.Count);
        return results;
    }

    /// <summary>POSTs events and asserts every one was accepted.</summary>
    public static async Task AcceptAsync(this HttpClient http, params object[] events)
    {
        var results = await http.IngestAsync(events);
        foreach (var r in results)
        {
            Assert.True((string?)r!["status"] == "accepted", $"not accepted: {r.ToJsonString()}");
        }
    }

    /// <summary>Sends a raw body with <c>application/json</c>.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient http, HttpMethod method, string path, string json) =>
        http.SendBytesAsync(method, path, Encoding.UTF8.GetBytes(json));

    /// <summary>Sends raw bytes with <c>application/json</c>.</summary>
    public static Task<HttpResponseMessage> SendBytesAsync(this HttpClient http, HttpMethod method, string path, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(http);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content });
    }

    /// <summary>GETs <paramref name="path"/>, expects 200 and returns the JSON.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient http, string path)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    /// <summary>
    /// Asserts an RFC 9457 problem: the status, <c>application/problem+json</c>, the stable <c>code</c> and
    /// <c>type</c> (<c>https://slagrid.dev/problems/{code}</c>), the numeric <c>status</c> and a title. Disposes the response.
    /// </summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal(code, (string?)problem["code"]);
            Assert.Equal("https://slagrid.dev/problems/" + code, (string?)problem["type"]);
            Assert.Equal((int)status, (int?)problem["status"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
            return problem;
        }
    }

    /// <summary>Asserts a per-event result: its id, <c>rejected</c> and the code (with a message).</summary>
    public static void AssertRejected(JsonNode? result, string eventId, string code)
    {
        Assert.NotNull(result);
        Assert.Equal(eventId, (string?)result["eventId"]);
        Assert.Equal("rejected", (string?)result["status"]);
        Assert.Equal(code, (string?)result["error"]?["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)result["error"]?["message"]));
    }

    /// <summary>Asserts a per-event result that is not rejected (and has no error member).</summary>
    public static void AssertStatus(JsonNode? result, string eventId, string status)
    {
        Assert.NotNull(result);
        Assert.Equal(eventId, (string?)result["eventId"]);
        Assert.Equal(status, (string?)result["status"]);
        Assert.Null(result["error"]);
    }
}
