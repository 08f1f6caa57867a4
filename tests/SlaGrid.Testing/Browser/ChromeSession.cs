using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace SlaGrid.Testing.Browser;

/// <summary>
/// A headless Chromium driven by Debian's chromedriver, with a throwaway profile that is deleted on dispose.
/// Nothing is downloaded: the driver path is explicit and <c>SE_OFFLINE=true</c> keeps Selenium Manager offline.
/// The wait helpers poll a condition until it holds or a generous timeout passes; a timeout saves a screenshot
/// and puts the browser's console log in the exception, so a failure in CI says what the page showed.
/// </summary>
public sealed class ChromeSession : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly ChromeDriverService _service;
    private readonly string _profileDirectory;
    private readonly ChromeDriver _driver;
    private bool _disposed;

    private ChromeSession(ChromeSessionOptions options, ChromeDriverService service, string profileDirectory, ChromeDriver driver)
    {
        Options = options;
        _service = service;
        _profileDirectory = profileDirectory;
        _driver = driver;
        ScreenshotDirectory = options.ScreenshotDirectory
            ?? (Environment.GetEnvironmentVariable("SLAGRID_SCREENSHOTS") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : Path.Combine(RepositoryLayout.TestResultsDirectory, "screenshots"));
    }

    /// <summary>The options the session was started with.</summary>
    public ChromeSessionOptions Options { get; }

    /// <summary>The WebDriver, for anything the helpers do not cover.</summary>
    public IWebDriver Driver => _driver;

    /// <summary>Where relative screenshot paths are resolved.</summary>
    public string ScreenshotDirectory { get; }

    /// <summary>Starts chromedriver and a headless Chromium with a fresh profile.</summary>
    public static ChromeSession Start(ChromeSessionOptions? options = null)
    {
        options ??= new ChromeSessionOptions();
        var chromium = TestEnvironment.RequireExecutable(options.ChromiumPath);
        var chromedriver = TestEnvironment.RequireExecutable(options.ChromeDriverPath);

        // Selenium Manager must never reach the network; with an explicit driver path it is not even started.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        Environment.SetEnvironmentVariable("SE_AVOID_STATS", "true");

        var profile = Path.Combine(Path.GetTempPath(), "slagrid-chrome-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        service.InitializationTimeout = options.CommandTimeout;
        service.LogPath = Path.Combine(profile, "chromedriver.log");

        var chrome = new ChromeOptions { BinaryLocation = chromium };
        chrome.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
            "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
            "--no-proxy-server",
            "--force-device-scale-factor=1",
            "--hide-scrollbars",
            $"--window-size={options.Width.ToString(CultureInfo.InvariantCulture)},{options.Height.ToString(CultureInfo.InvariantCulture)}",
            $"--user-data-dir={profile}");
        chrome.AddArguments(options.ExtraArguments);
        chrome.SetLoggingPreference(LogType.Browser, LogLevel.All);

        ChromeDriver driver;
        try
        {
            driver = new ChromeDriver(service, chrome, options.CommandTimeout);
        }
        catch
        {
            service.Dispose();
            DeleteDirectory(profile);
            throw;
        }

        var session = new ChromeSession(options, service, profile, driver);
        try
        {
            session.Resize(options.Width, options.Height);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A CSS selector for <c>[data-testid="<paramref name="testId"/>"]</c>, quotes escaped.</summary>
    public static string ByTestId(string testId)
    {
        ArgumentNullException.ThrowIfNull(testId);
        return $"[data-testid=\"{testId.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
    }

    /// <summary>Opens <paramref name="url"/>.</summary>
    public void GoTo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _driver.Navigate().GoToUrl(url);
    }

    /// <summary>The first element matching a CSS selector (throws <see cref="NoSuchElementException"/> when none).</summary>
    public IWebElement Find(string css) => _driver.FindElement(By.CssSelector(css));

    /// <summary>Every element matching a CSS selector.</summary>
    public IReadOnlyList<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>The first element with the given <c>data-testid</c>.</summary>
    public IWebElement TestId(string testId) => Find(ByTestId(testId));

    /// <summary>
    /// Polls <paramref name="condition"/> until it returns a value that is not null (nor false), and returns it.
    /// Missing and stale elements count as "not yet". On timeout: a screenshot, and a <see cref="TimeoutException"/>
    /// that names <paramref name="what"/>, the last error and the browser's console.
    /// </summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? Options.DefaultTimeout;
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                var value = condition(_driver);
                if (value is not null && value is not false)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is NoSuchElementException or StaleElementReferenceException or InvalidOperationException or WebDriverException and not WebDriverTimeoutException)
            {
                last = e;
            }

            if (clock.Elapsed > limit)
            {
                throw Timeout(what, limit, last);
            }

            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        WaitFor<object>(d => condition(d) ? true : null, what, timeout);
    }

    /// <summary>Waits for an element matching <paramref name="css"/> that is displayed, and returns it.</summary>
    public IWebElement WaitForVisible(string css, TimeSpan? timeout = null) =>
        WaitFor(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"a visible {css}", timeout);

    /// <summary>Waits until the text of the first element matching <paramref name="css"/> satisfies <paramref name="accept"/>; returns that text.</summary>
    public string WaitForText(string css, Func<string, bool> accept, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(accept);
        return WaitFor(d =>
        {
            var text = d.FindElement(By.CssSelector(css)).Text;
            return accept(text) ? text : null;
        }, $"{what} ({css})", timeout);
    }

    /// <summary>Waits until the text of the first element matching <paramref name="css"/> equals <paramref name="expected"/> (trimmed).</summary>
    public string WaitForText(string css, string expected, TimeSpan? timeout = null) =>
        WaitForText(css, text => string.Equals(text.Trim(), expected, StringComparison.Ordinal), $"text '{expected}'", timeout);

    /// <summary>Runs JavaScript in the page (arguments as <c>arguments[i]</c>) and returns its result.</summary>
    public object? Script(string script, params object[] args) => _driver.ExecuteScript(script, args);

    /// <summary>
    /// Runs asynchronous JavaScript: the script ends by calling <c>arguments[arguments.length - 1](result)</c>;
    /// waits up to <see cref="ChromeSessionOptions.DefaultTimeout"/>.
    /// </summary>
    public object? AsyncScript(string script, params object[] args)
    {
        _driver.Manage().Timeouts().AsynchronousJavaScript = Options.DefaultTimeout;
        return _driver.ExecuteAsyncScript(script, args);
    }

    /// <summary>
    /// Sets the viewport (what the page and a screenshot see) to <paramref name="width"/> × <paramref name="height"/>
    /// CSS pixels, whatever the window's own frame takes.
    /// </summary>
    public void Resize(int width, int height)
    {
        var window = _driver.Manage().Window;
        window.Size = new System.Drawing.Size(width, height);
        if (Script("return [window.innerWidth, window.innerHeight];") is IReadOnlyList<object> inner
            && inner.Count == 2
            && Convert.ToInt32(inner[0], CultureInfo.InvariantCulture) is var innerWidth
            && Convert.ToInt32(inner[1], CultureInfo.InvariantCulture) is var innerHeight
            && (innerWidth != width || innerHeight != height))
        {
            window.Size = new System.Drawing.Size(width + (width - innerWidth), height + (height - innerHeight));
        }
    }

    /// <summary>
    /// Saves a PNG of the viewport. A relative path goes under <see cref="ScreenshotDirectory"/>; ".png" is added
    /// when missing. Returns the full path.
    /// </summary>
    public string SaveScreenshot(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ScreenshotDirectory, path));
        if (!full.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            full += ".png";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _driver.GetScreenshot().SaveAsFile(full);
        return full;
    }

    /// <summary>The browser console's entries since the last call ("LEVEL message").</summary>
    public IReadOnlyList<string> BrowserLog()
    {
        try
        {
            return _driver.Manage().Logs.GetLog(LogType.Browser).Select(e => $"{e.Level} {e.Message}").ToList();
        }
        catch (WebDriverException)
        {
            return [];
        }
    }

    /// <summary>Quits the browser and the driver and deletes the profile.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _driver.Quit();
        }
        catch (WebDriverException)
        {
            // The browser is already gone; the profile still has to go.
        }
        finally
        {
            _driver.Dispose();
            _service.Dispose();
            DeleteDirectory(_profileDirectory);
        }
    }

    private TimeoutException Timeout(string what, TimeSpan limit, Exception? last)
    {
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Waited {limit.TotalSeconds:0} s for {what}.");
        if (last is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" Last error: {last.GetType().Name}: {last.Message.Split('\n')[0]}");
        }

        try
        {
            var shot = SaveScreenshot($"timeout-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}");
            message.Append(CultureInfo.InvariantCulture, $" Screenshot: {shot}.");
        }
        catch (WebDriverException)
        {
            message.Append(" (no screenshot: the browser did not answer)");
        }

        var log = BrowserLog();
        if (log.Count > 0)
        {
            message.Append(" Browser console:").AppendLine();
            foreach (var line in log.TakeLast(30))
            {
                message.AppendLine(line);
            }
        }

        return new TimeoutException(message.ToString(), last);
    }

    private static void DeleteDirectory(string path)
    {
        // Chromium's helper processes may hold files for a moment after Quit.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }
}
