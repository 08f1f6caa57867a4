using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SlaGrid.Testing.Prometheus;

/// <summary>
/// A throwaway Prometheus (Debian's <c>prometheus</c> binary) for tests: it listens on a free loopback port,
/// scrapes one target with a generated configuration, keeps its data in a temporary directory, and is killed and
/// cleaned up on dispose. <see cref="StartAsync"/> returns once the target has been scraped successfully.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly PrometheusServerOptions _options;
    private readonly string _directory;
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly Lock _logGate = new();
    private readonly Queue<string> _log = new();
    private int _disposed;

    private PrometheusServer(PrometheusServerOptions options, string directory, Process process, Uri baseAddress)
    {
        _options = options;
        _directory = directory;
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Prometheus' own address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The configuration file Prometheus was started with.</summary>
    public string ConfigFile => Path.Combine(_directory, "prometheus.yml");

    /// <summary>The last lines Prometheus printed, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Starts Prometheus against <see cref="PrometheusServerOptions.Target"/> and waits until the target is up.</summary>
    public static async Task<PrometheusServer> StartAsync(PrometheusServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var executable = TestEnvironment.RequireExecutable(options.Executable);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("slagrid-prometheus-").FullName;
            var port = FreeLoopbackPort();
            var config = Path.Combine(directory, "prometheus.yml");
            await File.WriteAllTextAsync(config, RenderConfig(options), cancellationToken);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            start.ArgumentList.Add($"--config.file={config}");
            start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory, "data")}");
            start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
            start.ArgumentList.Add("--web.enable-lifecycle");
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start prometheus.");
            var server = new PrometheusServer(options, directory, process, new Uri($"http://127.0.0.1:{port}/"));
            try
            {
                await server.WaitForTargetUpAsync(cancellationToken);
                return server;
            }
            catch (Exception e) when (e is not OperationCanceledException && server.Log.Contains("address already in use", StringComparison.Ordinal))
            {
                // Another process took the port between probing and binding: try another one.
                last = e;
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw new InvalidOperationException("Prometheus could not bind a free port.", last);
    }

    /// <summary>Waits until Prometheus answers and its one target has been scraped successfully.</summary>
    public Task WaitForTargetUpAsync(CancellationToken cancellationToken) =>
        WaitUntilAsync("the scrape target to be up", async ct =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with code {_process.ExitCode}.\n{Log}");
            }

            using var response = await _http.GetAsync("api/v1/targets?state=active", ct);
            if (!response.IsSuccessStatusCode)
            {
                return (false, $"HTTP {(int)response.StatusCode} from /api/v1/targets");
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var targets = document.RootElement.GetProperty("data").GetProperty("activeTargets");
            if (targets.GetArrayLength() == 0)
            {
                return (false, "no active target yet");
            }

            var target = targets[0];
            var health = target.GetProperty("health").GetString();
            return (health == "up", $"target {target.GetProperty("scrapeUrl").GetString()} is {health}: {target.GetProperty("lastError").GetString()}");
        }, cancellationToken);

    /// <summary>Waits until the target has been scraped at least <paramref name="count"/> times (so that <c>rate()</c> has samples).</summary>
    public Task WaitForScrapesAsync(int count, CancellationToken cancellationToken) =>
        WaitUntilAsync($"{count} scrapes", async ct =>
        {
            var result = await QueryAsync($"count_over_time(up{{job=\"{_options.JobName}\"}}[10m])", ct);
            var seen = result.Samples.Count == 0 ? 0 : result.Samples[0].Value;
            return (seen >= count, $"{seen} scrapes so far");
        }, cancellationToken);

    /// <summary>
    /// Waits until every loaded rule has been evaluated at least once after <paramref name="after"/> with health
    /// <c>ok</c>, and returns the rules.
    /// </summary>
    public async Task<IReadOnlyList<PrometheusRule>> WaitForRuleEvaluationAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        IReadOnlyList<PrometheusRule> rules = [];
        await WaitUntilAsync("every rule to be evaluated", async ct =>
        {
            rules = await GetRulesAsync(ct);
            var pending = rules.Where(r => r.Health != "ok" || r.LastEvaluation is null || r.LastEvaluation < after).ToList();
            return (pending.Count == 0, string.Join("; ", pending.Select(r => $"{r.Name}: {r.Health} {r.LastError}")));
        }, cancellationToken);
        return rules;
    }

    /// <summary>The rules Prometheus loaded, with their health.</summary>
    public async Task<IReadOnlyList<PrometheusRule>> GetRulesAsync(CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync("api/v1/rules", cancellationToken);
        var rules = new List<PrometheusRule>();
        foreach (var group in document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            var groupName = group.GetProperty("name").GetString() ?? string.Empty;
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                DateTimeOffset? evaluated = rule.TryGetProperty("lastEvaluation", out var e)
                    && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                    && at.Year > 1
                    ? at
                    : null;
                rules.Add(new PrometheusRule(
                    groupName,
                    rule.GetProperty("name").GetString() ?? string.Empty,
                    rule.GetProperty("type").GetString() ?? string.Empty,
                    rule.GetProperty("query").GetString() ?? string.Empty,
                    rule.GetProperty("health").GetString() ?? string.Empty,
                    rule.TryGetProperty("lastError", out var error) ? error.GetString() : null,
                    evaluated));
            }
        }

        return rules;
    }

    /// <summary>
    /// Runs an instant query through the HTTP API. Throws with Prometheus' error text when the query fails
    /// (syntax, type or evaluation error).
    /// </summary>
    public async Task<PromQueryResult> QueryAsync(string expression, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(expression);
        using var content = new FormUrlEncodedContent([new("query", expression)]);
        using var response = await _http.PostAsync("api/v1/query", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"Query failed with HTTP {(int)response.StatusCode}: {body}\n  query: {expression}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.GetProperty("status").GetString() != "success")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "unknown";
                var error = root.TryGetProperty("error", out var m) ? m.GetString() : body;
                throw new InvalidOperationException($"Query failed ({type}): {error}\n  query: {expression}");
            }

            var data = root.GetProperty("data");
            var resultType = data.GetProperty("resultType").GetString() ?? string.Empty;
            var result = data.GetProperty("result").Clone();
            var samples = new List<PromSample>();
            switch (resultType)
            {
                case "vector":
                    foreach (var item in result.EnumerateArray())
                    {
                        var labels = item.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
                        samples.Add(new PromSample(labels, ParseValue(item.GetProperty("value")[1].GetString())));
                    }

                    break;
                case "scalar":
                    samples.Add(new PromSample(new Dictionary<string, string>(), ParseValue(result[1].GetString())));
                    break;
            }

            var count = resultType switch
            {
                "vector" or "matrix" => result.GetArrayLength(),
                _ => 1,
            };
            return new PromQueryResult(resultType, count, samples, result);
        }
    }

    /// <summary>The values of a label (<c>/api/v1/label/{name}/values</c>), optionally among series matching a selector.</summary>
    public async Task<IReadOnlyList<string>> LabelValuesAsync(string label, string? match, CancellationToken cancellationToken)
    {
        var path = $"api/v1/label/{Uri.EscapeDataString(label)}/values" + (match is null ? string.Empty : $"?match[]={Uri.EscapeDataString(match)}");
        using var document = await GetJsonAsync(path, cancellationToken);
        return [.. document.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30), _options.TimeProvider);
                await _process.WaitForExitAsync(limit.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or refusing to die: nothing more a test can do.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    private static string RenderConfig(PrometheusServerOptions options)
    {
        static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        static string Seconds(TimeSpan span) => $"{Math.Max(1, (int)Math.Round(span.TotalMilliseconds))}ms";
        var target = options.Target;
        var config = new StringBuilder();
        config.Append("global:\n")
            .Append("  scrape_interval: ").Append(Seconds(options.ScrapeInterval)).Append('\n')
            .Append("  scrape_timeout: ").Append(Seconds(options.ScrapeInterval)).Append('\n')
            .Append("  evaluation_interval: ").Append(Seconds(options.EvaluationInterval)).Append('\n');
        if (options.RuleFiles.Count > 0)
        {
            config.Append("rule_files:\n");
            foreach (var file in options.RuleFiles)
            {
                config.Append("  - ").Append(Quote(Path.GetFullPath(file))).Append('\n');
            }
        }

        config.Append("scrape_configs:\n")
            .Append("  - job_name: ").Append(Quote(options.JobName)).Append('\n')
            .Append("    scheme: ").Append(target.Scheme).Append('\n')
            .Append("    metrics_path: ").Append(Quote(target.AbsolutePath)).Append('\n')
            .Append("    static_configs:\n")
            .Append("      - targets: [").Append(Quote(target.Authority)).Append("]\n");
        return config.ToString();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double ParseValue(string? text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered HTTP {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body);
    }

    private async Task WaitUntilAsync(string what, Func<CancellationToken, Task<(bool Done, string State)>> probe, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var deadline = time.GetUtcNow() + _options.StartupTimeout;
        var state = "not probed yet";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var (done, current) = await probe(cancellationToken);
                if (done)
                {
                    return;
                }

                state = current;
            }
            catch (HttpRequestException e)
            {
                state = "Prometheus is not answering yet: " + e.Message;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what} after {_options.StartupTimeout}: {state}\n--- prometheus log\n{Log}");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.Enqueue(line);
            while (_log.Count > 200)
            {
                _log.Dequeue();
            }
        }
    }
}
