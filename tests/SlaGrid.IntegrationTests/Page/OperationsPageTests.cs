using System.Text.Json.Nodes;
using OpenQA.Selenium;
using SlaGrid.Testing;
using SlaGrid.Testing.Browser;

namespace SlaGrid.IntegrationTests.Page;

/// <summary>
/// The operations page (src/Silo/wwwroot) in a real headless Chromium against a fake of the API it calls.
/// Every wait is on a condition with a generous timeout; nothing here measures speed.
/// </summary>
public sealed class OperationsPageTests
{
    private static string T(string testId) => ChromeSession.ByTestId(testId);

    private static string Row(string unitId, string cell) => $"{T("unit-row-" + unitId)} {T(cell)}";

    [ToolFact("chromium", "chromedriver")]
    public async Task Page_AsksForKey_ShowsTreeAndStats_FollowsLiveStats_AcksAlert_SwitchesLanguage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancel = timeout.Token;
        await using var fake = await FakeOperationsApi.StartAsync(RepositoryLayout.RequireDirectory("src/Silo/wwwroot"), PageData.ApiKey, cancel);
        PageData.Seed(fake, TimeProvider.System.GetUtcNow());
        using var browser = ChromeSession.Start(new ChromeSessionOptions { Width = 1920, Height = 1080 });

        // No key yet: the form, and not one API call.
        browser.GoTo(fake.BaseAddress);
        browser.WaitForVisible(T("key-input"));
        Assert.Empty(fake.Requests);

        // A wrong key is refused plainly and the form stays.
        browser.TestId("key-input").SendKeys("wrong-key");
        browser.TestId("key-submit").Click();
        var refusal = browser.WaitForText(T("key-error"), text => text.Contains("không hợp lệ", StringComparison.Ordinal), "the refusal");
        Assert.Contains("revoked", refusal, StringComparison.Ordinal); // the problem's detail is shown too
        Assert.True(browser.TestId("key-panel").Displayed);
        Assert.Contains(fake.Requests, r => r.Authorization == "Bearer wrong-key");

        // The right key: the tree, the nation selected, its figures (Vietnamese number format).
        browser.TestId("key-input").SendKeys(PageData.ApiKey);
        browser.TestId("key-submit").Click();
        browser.WaitForVisible(T("unit-node-VN"));
        browser.WaitForText(T("stat-open"), "1.234");
        Assert.Equal("41", browser.TestId("stat-overdue").Text);
        Assert.Equal("87", browser.TestId("stat-due-soon").Text);
        Assert.Equal("12", browser.TestId("stat-paused").Text);
        Assert.Equal("Việt Nam", browser.TestId("unit-name").Text);
        Assert.Equal("1.234", browser.WaitForText(Row("VN", "node-open"), "1.234"));
        Assert.Equal(PageData.ApiKey, browser.Script("return localStorage.getItem('slagrid.apiKey');"));

        // The root is expanded: provinces show with their own figures. Communes are not asked for until expanded.
        browser.WaitForText(Row("79", "node-open"), "700");
        browser.WaitForText(Row("01", "node-overdue"), "11");
        Assert.Equal(0, fake.Count("GET", "/api/v1/units/79-26734/stats"));
        Assert.Empty(browser.FindAll(T("unit-node-79-26734")));
        browser.Find($"{T("unit-row-79")} .tree-toggle").Click();
        browser.WaitForText(Row("79-26734", "node-overdue"), "25");
        Assert.Equal(1, fake.Count("GET", "/api/v1/units/79-26734/stats"));
        Assert.Equal("true", browser.TestId("unit-node-79").GetAttribute("aria-expanded"));

        // The most overdue dossiers and the open alerts of the subtree (the acknowledged one is not asked for).
        browser.WaitUntil(_ => browser.FindAll(T("dossier-row")).Count == 4, "four dossier rows");
        Assert.Equal("HS-2026-000117", browser.FindAll(T("dossier-row"))[0].GetAttribute("data-dossier-id"));
        Assert.Contains("trễ 3 ngày", browser.FindAll(T("dossier-late"))[0].Text, StringComparison.Ordinal);
        Assert.Contains("?limit=20", fake.Requests.First(r => r.Path == "/api/v1/units/VN/dossiers").Query, StringComparison.Ordinal);
        browser.WaitUntil(_ => browser.FindAll(T("alert-row")).Count == 2, "two open alerts");
        Assert.Contains("state=open", fake.Requests.First(r => r.Path == "/api/v1/alerts").Query, StringComparison.Ordinal);

        // A live stats event (cut mid-line, CRLF, two data lines) changes the figures without a reload,
        // and makes the page reload its dossier list. GET .../stats still answers the old numbers.
        browser.WaitUntil(_ => fake.Subscribers("VN").Count == 1, "the page's live stream");
        browser.WaitFor(d => d.FindElement(By.CssSelector(T("live-status"))).GetAttribute("data-state") == "live", "the live badge");
        browser.Script("window.__sameDocument = 'yes';");
        var dossierLoads = fake.Count("GET", "/api/v1/units/VN/dossiers");
        fake.SetDossiers("VN", PageData.Dossier("HS-2026-009999", "79", "CB-0001", "1.000001", TimeProvider.System.GetUtcNow().AddDays(-9), overdue: true));
        Assert.Equal(1, fake.PushStats("VN", PageData.Stats("VN", received: 5231, open: 1240, overdue: 43, dueSoon: 80, paused: 13, early: 2100, onTime: 1800, late: 96, flagged: true)));
        browser.WaitForText(T("stat-open"), "1.240");
        Assert.Equal("43", browser.TestId("stat-overdue").Text);
        Assert.Equal("13", browser.TestId("stat-paused").Text);
        Assert.Equal("yes", browser.Script("return window.__sameDocument;"));
        browser.WaitForText(Row("VN", "node-open"), "1.240");
        browser.WaitForVisible(T("flagged-badge"));
        browser.WaitUntil(_ => browser.FindAll(T("dossier-row")).Count == 1, "the dossier list reloaded after the stats change");
        Assert.Equal("HS-2026-009999", browser.TestId("dossier-row").GetAttribute("data-dossier-id"));
        Assert.True(fake.Count("GET", "/api/v1/units/VN/dossiers") > dossierLoads);
        Assert.Equal(1, fake.LiveConnections("VN"));

        // A live alert arrives in the feed.
        var raised = PageData.Alert("A-3", "due_soon", "HS-2026-000412", "01", "CB-0101", TimeProvider.System.GetUtcNow());
        fake.AddAlert(raised);
        fake.PushAlert("VN", 3, "raised", raised);
        browser.WaitForVisible($"{T("alert-row")}[data-alert-id='A-3']");
        Assert.Equal("Hà Nội", browser.Find($"{T("alert-row")}[data-alert-id='A-3'] {T("alert-unit")}").Text);

        // Acknowledge A-2: the fake records the POST with the key, the row shows the new state, its button goes.
        var a2 = $"{T("alert-row")}[data-alert-id='A-2']";
        Assert.Equal("Xác nhận", browser.Find($"{a2} {T("ack-button")}").Text);
        browser.Find($"{a2} {T("ack-button")}").Click();
        browser.WaitUntil(_ => fake.Acknowledged.Contains("A-2"), "the POST /ack");
        Assert.Equal($"Bearer {PageData.ApiKey}", fake.Requests.Last(r => r.Path == "/api/v1/alerts/A-2/ack").Authorization);
        browser.WaitForText($"{a2} {T("alert-state")}", "Đã xác nhận");
        Assert.Empty(browser.FindAll($"{a2} {T("ack-button")}"));
        Assert.Equal(new[] { "A-2" }, fake.Acknowledged);
        Assert.Equal("2", browser.TestId("alert-count").GetAttribute("data-count"));

        browser.SaveScreenshot("operations-page-vi-1920");

        // English: every label switches, numbers follow the English format, the choice is kept.
        browser.TestId("lang-switch").Click();
        browser.WaitForText($"{T("headline")} .stat[data-kind='open'] dt", text => text.Equals("OPEN", StringComparison.OrdinalIgnoreCase), "the English label");
        Assert.Equal("1,240", browser.TestId("stat-open").Text);
        Assert.Equal("en", browser.Script("return document.documentElement.lang;"));
        Assert.Equal("Acknowledge", browser.Find($"{T("alert-row")}[data-alert-id='A-1'] {T("ack-button")}").Text);
        Assert.Equal("Acknowledged", browser.Find($"{a2} {T("alert-state")}").Text);
        Assert.Equal("Tiếng Việt", browser.TestId("lang-switch").Text);
        Assert.Equal("en", browser.Script("return localStorage.getItem('slagrid.lang');"));

        browser.SaveScreenshot("operations-page-en-1920");
        browser.Resize(1366, 768);
        browser.SaveScreenshot("operations-page-en-1366");
        Assert.Equal("yes", browser.Script("return window.__sameDocument;"));

        // No script error, CSP violation or missing file on the way (the refused key's 401 is expected).
        var severe = browser.BrowserLog().Where(l => l.StartsWith("Severe", StringComparison.OrdinalIgnoreCase) && !l.Contains("status of 401", StringComparison.Ordinal)).ToList();
        Assert.True(severe.Count == 0, string.Join(Environment.NewLine, severe));
    }

    [ToolFact("chromium", "chromedriver")]
    public async Task LiveStream_Reconnects_WithLastEventId_AndRevokedKey_AsksForKeyAgain()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancel = timeout.Token;
        await using var fake = await FakeOperationsApi.StartAsync(RepositoryLayout.RequireDirectory("src/Silo/wwwroot"), PageData.ApiKey, cancel);
        PageData.Seed(fake, TimeProvider.System.GetUtcNow());
        using var browser = ChromeSession.Start();

        var releaseAlertList = fake.HoldAlertLists();
        browser.GoTo(fake.BaseAddress);
        browser.WaitForVisible(T("key-input")).SendKeys(PageData.ApiKey);
        browser.TestId("key-submit").Click();
        browser.WaitUntil(_ => fake.Subscribers("VN").Count == 1, "the first live stream");
        Assert.Null(fake.Subscribers("VN")[0].LastEventId);

        // A live alert that arrives while the (older) alert list is still on its way survives that list.
        browser.WaitUntil(_ => fake.Count("GET", "/api/v1/alerts") == 1, "the alert list request");
        var raised = PageData.Alert("A-7", "overdue", "HS-2026-000301", "01", "CB-0100", TimeProvider.System.GetUtcNow());
        fake.PushAlert("VN", 7, "raised", raised);
        browser.WaitForVisible($"{T("alert-row")}[data-alert-id='A-7']");
        releaseAlertList();
        browser.WaitForVisible($"{T("alert-row")}[data-alert-id='A-1']");
        Assert.Single(browser.FindAll($"{T("alert-row")}[data-alert-id='A-7']"));

        // The server ends the stream: the page comes back on its own and says where it was.
        fake.DropLive("VN");
        browser.WaitUntil(_ => fake.LiveConnections("VN") == 2 && fake.Subscribers("VN").Count == 1, "a second live stream");
        Assert.Equal("7", fake.Subscribers("VN")[0].LastEventId);
        Assert.Equal(PageData.ApiKey, browser.Script("return localStorage.getItem('slagrid.apiKey');"));

        // An "acknowledged" event for an alert it shows updates that row in place.
        fake.PushAlert("VN", 8, "acknowledged", new JsonObject { ["id"] = "A-7", ["kind"] = "overdue", ["dossierId"] = "HS-2026-000301", ["unitId"] = "01", ["state"] = "acknowledged" });
        browser.WaitUntil(_ => browser.Find($"{T("alert-row")}[data-alert-id='A-7']").GetAttribute("data-state") == "acknowledged", "A-7 acknowledged");

        // The key is revoked: the next reconnection gets 401 and the page asks for a key, saying why.
        fake.ChangeKey("rotated-key");
        fake.DropLive("VN");
        browser.WaitForVisible(T("key-input"));
        browser.WaitForText(T("key-error"), text => text.Contains("không hợp lệ", StringComparison.Ordinal), "the refusal");
        Assert.Null(browser.Script("return localStorage.getItem('slagrid.apiKey');"));
        browser.SaveScreenshot("operations-page-key-refused");
        Assert.False(browser.TestId("dashboard").Displayed);

        // The new key brings the dashboard back; "change key" returns to the form.
        browser.TestId("key-input").SendKeys("rotated-key");
        browser.TestId("key-submit").Click();
        browser.WaitForText(T("stat-open"), "1.234");

        // The keyboard alone: the selected node holds the tab stop, arrows move, Enter selects; the live
        // stream follows the selection and the address remembers it.
        browser.WaitUntil(_ => fake.Subscribers("VN").Count == 1, "the live stream after the new key");
        var nation = browser.TestId("unit-node-VN");
        Assert.Equal("0", nation.GetAttribute("tabindex"));
        nation.SendKeys(Keys.ArrowDown);
        browser.WaitUntil(d => d.SwitchTo().ActiveElement().GetAttribute("data-testid") == "unit-node-01", "focus on Hà Nội");
        browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
        browser.WaitForText(T("unit-name"), "Hà Nội");
        browser.WaitForText(T("stat-open"), "534");
        browser.WaitUntil(_ => fake.Subscribers("01").Count == 1 && fake.Subscribers("VN").Count == 0, "the stream moved to Hà Nội");
        Assert.Equal("true", browser.TestId("unit-node-01").GetAttribute("aria-selected"));
        Assert.Equal("false", browser.TestId("unit-node-VN").GetAttribute("aria-selected"));
        Assert.EndsWith("#unit=01", (string)browser.Script("return location.href;")!, StringComparison.Ordinal);
        Assert.Equal("Việt Nam", browser.TestId("crumb").Text);

        browser.Resize(760, 1400);
        browser.WaitForVisible(T("alerts-empty")); // Hà Nội's only alert is acknowledged: none open
        browser.WaitForVisible(T("dossiers-empty"));
        browser.SaveScreenshot("operations-page-vi-760");
        browser.TestId("change-key").Click();
        browser.WaitForVisible(T("key-input"));
        Assert.Empty(browser.FindAll($"{T("dashboard")}:not([hidden])"));
    }

    [ToolFact("chromium", "chromedriver")]
    public async Task SseParser_HandlesSplitLines_Crlf_Comments_MultilineData_AndIds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancel = timeout.Token;
        await using var fake = await FakeOperationsApi.StartAsync(RepositoryLayout.RequireDirectory("src/Silo/wwwroot"), PageData.ApiKey, cancel);
        using var browser = ChromeSession.Start();
        browser.GoTo(fake.BaseAddress);
        browser.WaitForVisible(T("key-input"));

        // The parser module, fed in awkward pieces inside the real browser.
        const string script = """
            const done = arguments[arguments.length - 1];
            import(arguments[0]).then(({ SseParser }) => {
              const events = [], comments = [], retries = [];
              const p = new SseParser({ onEvent: e => events.push(e), onComment: c => comments.push(c), onRetry: r => retries.push(r) });
              const text = "\uFEFF: keepalive\r\nevent: stats\r\ndata: {\"open\":\r\ndata: 5}\r\n\r\n"
                + "id: 41\nevent: alert\ndata: a\n\n"
                + "data: no type\r\r"
                + "retry: 2500\nevent: ignored-without-data\n\n"
                + "data:tight\n\n"
                + "event: unfinished\ndata: lost";
              for (let i = 0; i < text.length; i += 3) p.feed(text.slice(i, i + 3));
              p.end();
              done(JSON.stringify({ events, comments, retries, lastEventId: p.lastEventId }));
            }, e => done("error: " + e));
            """;
        var result = (string)browser.AsyncScript(script, new Uri(fake.BaseAddress, "js/sse.js").ToString())!;
        var parsed = JsonNode.Parse(result)!;

        var events = parsed["events"]!.AsArray();
        Assert.Equal(4, events.Count);
        Assert.Equal("stats", (string?)events[0]!["type"]);
        Assert.Equal("{\"open\":\n5}", (string?)events[0]!["data"]);
        Assert.Equal(5, JsonNode.Parse((string)events[0]!["data"]!)!["open"]!.GetValue<int>());
        Assert.Equal("alert", (string?)events[1]!["type"]);
        Assert.Equal("41", (string?)events[1]!["id"]);
        Assert.Equal("message", (string?)events[2]!["type"]);
        Assert.Equal("no type", (string?)events[2]!["data"]);
        Assert.Equal("41", (string?)events[2]!["id"]); // the last id carries over
        Assert.Equal("tight", (string?)events[3]!["data"]);
        Assert.Equal(new[] { "keepalive" }, parsed["comments"]!.AsArray().Select(c => (string?)c).ToArray());
        Assert.Equal(new[] { 2500 }, parsed["retries"]!.AsArray().Select(r => r!.GetValue<int>()).ToArray());
        Assert.Equal("41", (string?)parsed["lastEventId"]);
    }
}
