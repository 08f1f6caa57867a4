using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;
using SlaGrid.Testing.Browser;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// The operations page served by the REAL silo (TestSilo on PostgreSQL), in headless Chromium: real data, a real
/// read key, the real live stream. Every figure the page shows is compared with what the API answers, and every
/// request the page sends is checked against the API's contract.
/// </summary>
public sealed partial class LiveOperationsPageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static string T(string testId) => ChromeSession.ByTestId(testId);

    private static string Row(string unitId, string cell) => $"{T("unit-row-" + unitId)} {T(cell)}";

    private static string AlertRow(string alertId) => $"{T("alert-row")}[data-alert-id='{alertId}']";

    [PostgresToolFact("chromium", "chromedriver")]
    public async Task RealSilo_PageShowsTreeAndCounts_FollowsALiveEvent_AcksTheAlert_SwitchesLanguage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        var requests = new RequestLog();
        await using var silo = await TestSilo.StartOnPostgresAsync(database.ConnectionString, services: s => s.AddSingleton<IStartupFilter>(requests));
        var client = silo.Client;
        await LiveGrid.SeedAsync(client, TimeProvider.System.GetUtcNow(), ct);
        var readKey = (await client.CreateKeyAsync(new CreateKeyRequest("Wall screen, Khánh Hòa centre", Roles.Read), ct)).Key;
        var nation = await client.GetUnitStatsAsync(LiveGrid.Nation, cancellationToken: ct);
        Assert.True(nation.Overdue > 0 && nation.DueSoon > 0 && nation.Paused > 0 && nation.FinishedEarly > 0 && nation.FinishedOnTime > 0 && nation.FinishedLate > 0, nation.ToString());

        using var browser = ChromeSession.Start(new ChromeSessionOptions { Width = 1920, Height = 1080 });
        browser.GoTo(silo.BaseAddress);
        browser.WaitForVisible(T("key-input")).SendKeys(readKey);
        browser.TestId("key-submit").Click();

        // The tree from the real unit list, the nation selected, its figures as the API gives them.
        browser.WaitForVisible(T("unit-node-VN"));
        browser.WaitForText(T("stat-open"), Count(nation.Open));
        AssertHeadline(browser, nation);
        Assert.Equal("Việt Nam", browser.TestId("unit-name").Text);
        Assert.Equal(Count(nation.Open), browser.WaitForText(Row(LiveGrid.Nation, "node-open"), Count(nation.Open)));
        foreach (var province in new[] { LiveGrid.KhanhHoa, LiveGrid.HoChiMinh })
        {
            var stats = await client.GetUnitStatsAsync(province, cancellationToken: ct);
            browser.WaitForText(Row(province, "node-open"), Count(stats.Open));
            Assert.Equal(Count(stats.Overdue), browser.Find(Row(province, "node-overdue")).Text);
            Assert.Equal(Count(stats.DueSoon), browser.Find(Row(province, "node-due-soon")).Text);
            Assert.Equal("bad", browser.TestId("unit-row-" + province).GetAttribute("data-health"));
        }

        // Khánh Hòa's communes and its department appear when it is expanded; a unit with nothing received has no ratio.
        browser.Find($"{T("unit-row-" + LiveGrid.KhanhHoa)} .tree-toggle").Click();
        var camLam = await client.GetUnitStatsAsync(LiveGrid.CamLam, cancellationToken: ct);
        browser.WaitForText(Row(LiveGrid.CamLam, "node-overdue"), Count(camLam.Overdue));
        browser.WaitForText(Row(LiveGrid.JusticeDepartment, "node-open"), "0");
        Assert.Equal("—", browser.Find(Row(LiveGrid.JusticeDepartment, "node-on-time")).Text);
        Assert.Equal("none", browser.TestId("unit-row-" + LiveGrid.JusticeDepartment).GetAttribute("data-health"));

        // The most overdue dossiers (the API's order) and the open alerts of the whole country.
        var overdueFirst = await client.GetOpenDossiersAsync(LiveGrid.Nation, 20, ct);
        browser.WaitUntil(_ => browser.FindAll(T("dossier-row")).Count == overdueFirst.Count, $"{overdueFirst.Count} dossier rows");
        Assert.Equal(overdueFirst.Select(d => d.Id), browser.FindAll(T("dossier-row")).Select(r => r.GetAttribute("data-dossier-id")));
        Assert.Equal("bad", browser.FindAll(T("dossier-row"))[0].GetAttribute("data-tone"));
        // (Ratio alerts follow the rollups: compare with what the API holds at the time.)
        string[] apiAlerts = [], pageAlerts = [];
        await Eventually.WaitAsync(
            async () =>
            {
                apiAlerts = [.. (await client.GetAlertsAsync(LiveGrid.Nation, AlertStates.Open, cancellationToken: ct)).Select(a => a.Id).Order(StringComparer.Ordinal)];
                try
                {
                    pageAlerts = [.. browser.FindAll(T("alert-row")).Select(r => r.GetAttribute("data-alert-id") ?? string.Empty).Order(StringComparer.Ordinal)];
                }
                catch (StaleElementReferenceException)
                {
                    return false; // repainted meanwhile
                }

                return apiAlerts.Length > 0 && apiAlerts.SequenceEqual(pageAlerts);
            },
            TimeSpan.FromSeconds(30),
            "the page to show the open alerts the API lists");
        Assert.Equal(apiAlerts.Length.ToString(CultureInfo.InvariantCulture), browser.TestId("alert-count").GetAttribute("data-count"));
        browser.WaitFor(d => d.FindElement(By.CssSelector(T("live-status"))).GetAttribute("data-state") == "live", "the live badge");
        browser.SaveScreenshot("live-silo-vi-1920-start");

        // An event through the API: a dossier received 30 days ago, overdue at once. The counts change in the same
        // document (no reload, no reconnection), and its overdue alert arrives in the feed through the stream.
        browser.Script("window.__sameDocument = 'yes';");
        var alertListsBefore = requests.Count("GET", "/api/v1/alerts");
        var newDossier = "HS-79-26734-LIVE";
        var posted = await client.PostEventsAsync([LiveGrid.Received(newDossier, LiveGrid.SaiGon, TimeProvider.System.GetUtcNow().AddDays(-30))], ct);
        Assert.Equal(IngestStatuses.Accepted, posted.Results.Single().Status);
        var after = await client.GetUnitStatsAsync(LiveGrid.Nation, cancellationToken: ct);
        Assert.Equal((nation.Open + 1, nation.Overdue + 1, nation.Received + 1), (after.Open, after.Overdue, after.Received));
        browser.WaitForText(T("stat-open"), Count(after.Open));
        browser.WaitForText(T("stat-overdue"), Count(after.Overdue));
        AssertHeadline(browser, after);
        browser.WaitForText(Row(LiveGrid.Nation, "node-open"), Count(after.Open));
        var overdueAlert = (await client.GetAlertsAsync(LiveGrid.SaiGon, AlertStates.Open, AlertKinds.Overdue, ct)).Single(a => a.DossierId == newDossier);
        browser.WaitForVisible(AlertRow(overdueAlert.Id));
        Assert.Equal(newDossier, browser.Find($"{AlertRow(overdueAlert.Id)} {T("alert-dossier")}").Text);
        Assert.Equal("Phường Sài Gòn", browser.Find($"{AlertRow(overdueAlert.Id)} {T("alert-unit")}").Text);
        Assert.Equal("Quá hạn", browser.Find($"{AlertRow(overdueAlert.Id)} {T("alert-kind")}").Text);
        Assert.Equal(alertListsBefore, requests.Count("GET", "/api/v1/alerts"));
        Assert.Equal(1, requests.Count("GET", "/api/v1/units/VN/live"));
        Assert.Equal("yes", browser.Script("return window.__sameDocument;"));
        browser.WaitUntil(_ => browser.FindAll(T("dossier-row")).Any(r => r.GetAttribute("data-dossier-id") == newDossier), "the new dossier in the overdue list");

        // Acknowledge it with the button: the silo has it acknowledged, the row says so, its button is gone.
        var openBeforeAck = (await client.GetAlertsAsync(LiveGrid.Nation, AlertStates.Open, cancellationToken: ct)).Count;
        browser.Find($"{AlertRow(overdueAlert.Id)} {T("ack-button")}").Click();
        browser.WaitForText($"{AlertRow(overdueAlert.Id)} {T("alert-state")}", "Đã xác nhận");
        var acknowledged = (await client.GetAlertsAsync(LiveGrid.SaiGon, AlertStates.Acknowledged, cancellationToken: ct)).Single(a => a.Id == overdueAlert.Id);
        Assert.Equal(AlertStates.Acknowledged, acknowledged.State);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Empty(browser.FindAll($"{AlertRow(overdueAlert.Id)} {T("ack-button")}"));
        browser.WaitUntil(_ => browser.TestId("alert-count").GetAttribute("data-count") == (openBeforeAck - 1).ToString(CultureInfo.InvariantCulture), "one open alert fewer");
        var ack = requests.Calls.Single(c => c.Path == $"/api/v1/alerts/{overdueAlert.Id}/ack");
        Assert.Equal(("POST", 200, $"Bearer {readKey}"), (ack.Method, ack.Status, ack.Authorization));

        // Hồ Chí Minh's row follows too (the visible tree is re-read after live changes, at most every 15 s).
        var hcm = await client.GetUnitStatsAsync(LiveGrid.HoChiMinh, cancellationToken: ct);
        browser.WaitForText(Row(LiveGrid.HoChiMinh, "node-open"), Count(hcm.Open), TimeSpan.FromSeconds(45));
        Assert.Equal(Count(hcm.Overdue), browser.Find(Row(LiveGrid.HoChiMinh, "node-overdue")).Text);
        browser.SaveScreenshot("live-silo-vi-1920");

        // English.
        browser.TestId("lang-switch").Click();
        browser.WaitForText($"{T("headline")} .stat[data-kind='open'] dt", text => text.Equals("OPEN", StringComparison.OrdinalIgnoreCase), "the English label");
        Assert.Equal(after.Open.ToString("N0", CultureInfo.InvariantCulture), browser.TestId("stat-open").Text);
        Assert.Equal("Acknowledged", browser.Find($"{AlertRow(overdueAlert.Id)} {T("alert-state")}").Text);
        Assert.Equal("Overdue", browser.Find($"{AlertRow(overdueAlert.Id)} {T("alert-kind")}").Text);
        Assert.All(browser.FindAll(T("ack-button")), b => Assert.Equal("Acknowledge", b.Text));
        browser.SaveScreenshot("live-silo-en-1920");
        browser.Resize(1366, 768);
        browser.SaveScreenshot("live-silo-en-1366");

        // Khánh Hòa selected on a laptop: its own figures, breadcrumb, stream.
        browser.Find($"{T("unit-row-" + LiveGrid.KhanhHoa)} .tree-name").Click();
        var khanhHoa = await client.GetUnitStatsAsync(LiveGrid.KhanhHoa, cancellationToken: ct);
        browser.WaitForText(T("unit-name"), "Tỉnh Khánh Hòa");
        browser.WaitForText(T("stat-open"), khanhHoa.Open.ToString("N0", CultureInfo.InvariantCulture));
        AssertHeadline(browser, khanhHoa, english: true);
        browser.WaitUntil(_ => requests.Count("GET", "/api/v1/units/56/live") == 1, "Khánh Hòa's live stream");
        browser.WaitUntil(_ => browser.FindAll(T("dossier-row")).Count > 0, "Khánh Hòa's dossiers");
        browser.SaveScreenshot("live-silo-en-1366-province");

        // Every request the page made is one the API defines, with the read key, and none failed.
        AssertRequestsMatchTheApi(requests, readKey);
        Assert.All(requests.Calls.Where(c => c.FromBrowser && !c.Path.StartsWith("/api/", StringComparison.Ordinal)), c => Assert.True(c.Status is 200 or 304, c.ToString()));
        var severe = browser.BrowserLog().Where(l => l.StartsWith("Severe", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(severe.Count == 0, string.Join(Environment.NewLine, severe));
    }

    /// <summary>Each /api request of the page against the routes and query parameters of the API v1 contract.</summary>
    private static void AssertRequestsMatchTheApi(RequestLog requests, string readKey)
    {
        var calls = requests.BrowserApiCalls;
        Assert.NotEmpty(calls);
        var problems = new List<string>();
        foreach (var call in calls)
        {
            var route = call switch
            {
                { Method: "GET", Path: "/api/v1/units", Query: "" } => "units",
                { Method: "GET", Query: "" } when StatsPath().IsMatch(call.Path) => "stats",
                { Method: "GET", Query: "?limit=20" } when DossiersPath().IsMatch(call.Path) => "dossiers",
                { Method: "GET", Path: "/api/v1/alerts" } when AlertsQuery().IsMatch(call.Query) => "alerts",
                { Method: "POST", Query: "" } when AckPath().IsMatch(call.Path) => "ack",
                { Method: "GET", Query: "" } when LivePath().IsMatch(call.Path) => "live",
                _ => null,
            };
            if (route is null)
            {
                problems.Add($"not an API v1 request: {call}");
            }
            else if (call.Authorization != $"Bearer {readKey}")
            {
                problems.Add($"not the read key: {call}");
            }
            else if (call.Status != 200)
            {
                problems.Add($"failed: {call}");
            }
            else if (route == "live" && call.Accept != "text/event-stream")
            {
                problems.Add($"the live stream without Accept: text/event-stream: {call}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        foreach (var route in new[] { "/api/v1/units", "/api/v1/units/VN/stats", "/api/v1/units/VN/dossiers", "/api/v1/alerts", "/api/v1/units/VN/live" })
        {
            Assert.Contains(calls, c => c.Path == route);
        }
    }

    private static void AssertHeadline(ChromeSession browser, UnitStats stats, bool english = false)
    {
        string N(long value) => english ? value.ToString("N0", CultureInfo.InvariantCulture) : Count(value);
        Assert.Equal(N(stats.Open), browser.TestId("stat-open").Text);
        Assert.Equal(N(stats.Overdue), browser.TestId("stat-overdue").Text);
        Assert.Equal(N(stats.DueSoon), browser.TestId("stat-due-soon").Text);
        Assert.Equal(N(stats.Paused), browser.TestId("stat-paused").Text);
        Assert.Equal(N(stats.Received), browser.TestId("stat-received").Text);
        Assert.Equal(N(stats.FinishedEarly), browser.TestId("stat-finished-early").Text);
        Assert.Equal(N(stats.FinishedOnTime), browser.TestId("stat-finished-on-time").Text);
        Assert.Equal(N(stats.FinishedLate), browser.TestId("stat-finished-late").Text);
        Assert.Equal(Math.Round(stats.OnTimeRatio * 100, 1), Percent(browser.TestId("stat-on-time-ratio").Text));
        Assert.Equal(Math.Round(stats.LateRatio * 100, 1), Percent(browser.TestId("stat-late-ratio").Text));
        Assert.Equal(stats.Flagged, browser.TestId("flagged-badge").Displayed);
    }

    /// <summary>A count as the Vietnamese page writes it (<c>1.234</c>).</summary>
    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>"57,4 %" or "57.4%" as 57.4.</summary>
    private static double Percent(string text) =>
        double.Parse(PercentNumber().Match(text).Value.Replace(',', '.'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^/api/v1/units/[^/]+/stats$")]
    private static partial Regex StatsPath();

    [GeneratedRegex(@"^/api/v1/units/[^/]+/dossiers$")]
    private static partial Regex DossiersPath();

    [GeneratedRegex(@"^/api/v1/units/[^/]+/live$")]
    private static partial Regex LivePath();

    [GeneratedRegex(@"^/api/v1/alerts/[^/]+/ack$")]
    private static partial Regex AckPath();

    [GeneratedRegex(@"^\?unitId=[^&]+&state=open$")]
    private static partial Regex AlertsQuery();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex PercentNumber();
}
