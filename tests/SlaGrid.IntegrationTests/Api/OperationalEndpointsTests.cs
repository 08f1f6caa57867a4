using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Api;

/// <summary><c>/healthz</c>, <c>/readyz</c>, <c>/openapi/v1.json</c> and <c>/metrics</c>: no key needed.</summary>
public sealed partial class OperationalEndpointsTests(ApiSilo api) : IClassFixture<ApiSilo>
{
    private static readonly string[] ContractMetrics =
    [
        "slagrid_dossiers_open", "slagrid_dossiers_overdue", "slagrid_dossiers_due_soon", "slagrid_dossiers_paused",
        "slagrid_dossiers_received_total", "slagrid_dossiers_finished_total", "slagrid_events_total", "slagrid_alerts_total",
        "slagrid_ingest_seconds", "slagrid_deadline_lag_seconds", "slagrid_activations",
    ];

    [PostgresFact]
    public async Task HealthAndReadiness_AnswerWithoutAKey()
    {
        using var anonymous = api.Silo.CreateHttp(null);
        using var health = await anonymous.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var ready = await anonymous.GetJsonAsync("readyz");
        Assert.Equal("ok", (string?)ready["storage"]);
        Assert.Equal("ok", (string?)ready["grid"]);
        Assert.Equal("armed", (string?)ready["deadlines"]);
    }

    [PostgresFact]
    public async Task OpenApi_IsJson_ListingEveryApiPath()
    {
        using var anonymous = api.Silo.CreateHttp(null);
        var doc = await anonymous.GetJsonAsync("openapi/v1.json");
        Assert.StartsWith("3.", (string?)doc["openapi"], StringComparison.Ordinal);
        var paths = doc["paths"]!.AsObject();
        foreach (var (path, method) in new[]
        {
            ("/api/v1/calendar", "put"), ("/api/v1/units", "put"), ("/api/v1/officers", "put"), ("/api/v1/procedures", "put"),
            ("/api/v1/events", "post"), ("/api/v1/dossiers/{id}", "get"), ("/api/v1/units/{id}/stats", "get"),
            ("/api/v1/officers/{id}/stats", "get"), ("/api/v1/alerts", "get"), ("/api/v1/alerts/{id}/ack", "post"),
            ("/api/v1/units/{id}/live", "get"), ("/api/v1/webhooks", "put"), ("/api/v1/keys", "post"), ("/api/v1/keys", "get"),
            ("/api/v1/keys/{id}", "delete"), ("/healthz", "get"), ("/readyz", "get"),
        })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");
            Assert.True(paths[path]!.AsObject().ContainsKey(method), $"OpenAPI lacks {method.ToUpperInvariant()} {path}");
        }
    }

    [PostgresFact]
    public async Task Metrics_NeedNoKey_HaveTheContractNames_PerUnitOwnCounts_AndNoDossierOrOfficerIds()
    {
        await api.NewSubtreeAsync("MT");
        await api.Http.AcceptAsync(
            Ev.Received("mt-1", "MT-DOSSIER-1", Ev.T(3, 2, 9), unitId: "MT-C1", officerId: "MT-O1"),
            Ev.Of("mt-2", "MT-DOSSIER-1", "processed", Ev.T(3, 3, 9)),
            Ev.Received("mt-3", "MT-DOSSIER-2", Ev.T(3, 2, 9), unitId: "MT-C1", officerId: "MT-O1"),
            Ev.Received("mt-4", "MT-DOSSIER-3", Ev.T(3, 2, 9), unitId: "MT-C2", officerId: "GHOST-MT"),
            Ev.Of("mt-5", "MT-DOSSIER-3", "supplement_requested", Ev.T(3, 3, 9)));
        await api.Http.IngestAsync(Ev.Of("mt-6", "MT-NEVER", "processed", Ev.T(3, 3, 9)), Ev.Received("mt-1", "MT-DOSSIER-1", Ev.T(3, 2, 9), unitId: "MT-C1"));

        using var anonymous = api.Silo.CreateHttp(null);
        using var response = await anonymous.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var text = await response.Content.ReadAsStringAsync();

        foreach (var name in ContractMetrics)
        {
            Assert.Contains($"# TYPE {name} ", text, StringComparison.Ordinal);
        }

        // Own counts, not the subtree: the province has none of its own.
        Assert.Contains("slagrid_dossiers_received_total{province=\"MT-P\",unit=\"MT-C1\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_dossiers_received_total{province=\"MT-P\",unit=\"MT-P\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_dossiers_open{province=\"MT-P\",unit=\"MT-C1\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_dossiers_overdue{province=\"MT-P\",unit=\"MT-C1\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_dossiers_paused{province=\"MT-P\",unit=\"MT-C2\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("slagrid_dossiers_finished_total{outcome=\"early\",province=\"MT-P\",unit=\"MT-C1\"} 1", text, StringComparison.Ordinal);
        Assert.Matches("slagrid_events_total\\{result=\"accepted\"\\} [1-9]", text);
        Assert.Matches("slagrid_events_total\\{result=\"rejected\"\\} [1-9]", text);
        Assert.Matches("slagrid_events_total\\{result=\"duplicate\"\\} [1-9]", text);

        var labelValues = LabelValue().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var id in new[] { "MT-DOSSIER-1", "MT-DOSSIER-2", "MT-DOSSIER-3", "MT-NEVER", "MT-O1", "GHOST-MT", "O1" })
        {
            Assert.DoesNotContain(id, labelValues);
        }
    }

    [GeneratedRegex("=\"([^\"]*)\"")]
    private static partial Regex LabelValue();
}
