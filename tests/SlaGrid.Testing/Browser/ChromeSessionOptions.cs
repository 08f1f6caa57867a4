namespace SlaGrid.Testing.Browser;

/// <summary>How <see cref="ChromeSession.Start"/> launches the browser. Every default suits Debian's packages.</summary>
public sealed record ChromeSessionOptions
{
    /// <summary>The browser binary (default <c>/usr/bin/chromium</c>, Debian's launcher).</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    /// <summary>The driver binary (default <c>/usr/bin/chromedriver</c>); set explicitly so Selenium Manager never runs.</summary>
    public string ChromeDriverPath { get; init; } = "/usr/bin/chromedriver";

    /// <summary>Viewport width in CSS pixels (default 1600: a laptop; use 1920 for a wall screen).</summary>
    public int Width { get; init; } = 1600;

    /// <summary>Viewport height in CSS pixels (default 1000).</summary>
    public int Height { get; init; } = 1000;

    /// <summary>How long the wait helpers wait by default (default 30 s: generous for a loaded 2-core machine).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one WebDriver command may take, browser start included (default 2 min).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Where <see cref="ChromeSession.SaveScreenshot"/> puts relative paths (default: <c>SLAGRID_SCREENSHOTS</c>
    /// if set, else <c>TestResults/screenshots</c> under the repository root).
    /// </summary>
    public string? ScreenshotDirectory { get; init; }

    /// <summary>Extra command-line switches for the browser, added after the standard ones.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
