using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaGrid.Client;
using SlaGrid.Grains.Grid;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Silo.Demo;
using SlaGrid.Silo.Security;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>
/// The silo in demo mode (as <c>--demo --speed 600</c>), on SQLite, with no admin key configured: the clock is the
/// scaled one, a key is generated and works, and the province's counts, metrics and alerts move by themselves.
/// </summary>
public sealed partial class DemoSiloTests(DemoSiloFixture demo) : IClassFixture<DemoSiloFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly TestSilo _silo = demo.Silo;
    private readonly SlaGridClient _client = demo.Client;
    private readonly HttpClient _http = demo.Http;

    [Fact]
    public void TheSilosTimeProvider_IsTheScaledClock()
    {
        var time = _silo.Services.GetRequiredService<TimeProvider>();
        var scaled = Assert.IsType<ScaledTimeProvider>(time);
        Assert.Equal(600, scaled.Speed);
        Assert.Same(time, _silo.Services.GetRequiredService<GridContext>().Time);
    }

    [Fact]
    public async Task WithoutAConfiguredKey_AGeneratedAdminKeyIsUsed_AndWorks()
    {
        var key = _silo.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AdminKey;
        Assert.Equal(_silo.Services.GetRequiredService<DemoSession>().GeneratedAdminKey, key);
        Assert.True(key!.Length >= 32);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri("api/v1/units", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _silo.Http.GetAsync(new Uri("api/v1/units", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheProvince_ReceivesAndFinishesDossiers_AndRaisesAlerts_ByItself()
    {
        await _silo.Services.GetRequiredService<DemoSession>().Seeded.WaitAsync(Patience);
        await Eventually.WaitAsync(
            async () =>
            {
                var stats = await _client.GetUnitStatsAsync(DemoProvince.ProvinceId);
                return stats.Received > 0 && stats.FinishedEarly + stats.FinishedOnTime + stats.FinishedLate > 0;
            },
            Patience,
            "the demo province has received and finished dossiers");

        var units = await _client.GetUnitsAsync();
        Assert.Equal(8, units.Count(u => u.ParentId == DemoProvince.ProvinceId && u.Level == "commune"));

        await Eventually.WaitAsync(
            async () => ReceivedTotal(await _client.GetMetricsTextAsync()) > 0,
            Patience,
            "/metrics counts received dossiers of the demo province");

        await Eventually.WaitAsync(
            async () => (await _client.GetAlertsAsync(DemoProvince.ProvinceId)).Count > 0,
            Patience,
            "an alert was raised in the demo province");
    }

    [Fact]
    public async Task SimulatedTime_RunsFasterThanRealTime()
    {
        var time = _silo.Services.GetRequiredService<TimeProvider>();
        var simulated = time.GetUtcNow();
        var real = DateTimeOffset.UtcNow;
        await Eventually.WaitAsync(() => Task.FromResult(time.GetUtcNow() - simulated > TimeSpan.FromMinutes(10)), Patience, "ten simulated minutes pass");
        Assert.True(DateTimeOffset.UtcNow - real < TimeSpan.FromMinutes(1), "ten simulated minutes took a minute of real time or more");
    }

    private static double ReceivedTotal(string metrics) =>
        ReceivedLine().Matches(metrics).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("""^slagrid_dossiers_received_total\{[^}]*province="KH-DEMO"[^}]*\} (\S+)$""", RegexOptions.Multiline)]
    private static partial Regex ReceivedLine();
}
