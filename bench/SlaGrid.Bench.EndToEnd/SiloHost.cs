using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// The silo as its own OS process (<c>dotnet SlaGrid.Silo.dll --urls … --storage postgres:…</c>) with
/// <c>SLAGRID_ADMIN_KEY</c> set; started, killed (SIGKILL) and restarted over the same database.
/// </summary>
internal sealed class SiloHost : IAsyncDisposable
{
    private readonly string _dll;
    private readonly string _storage;
    private readonly TimeProvider _time;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public SiloHost(string dll, string connectionString, TimeProvider time)
    {
        _dll = dll;
        _storage = "postgres:" + connectionString;
        _time = time;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        AdminKey = "bench-admin-" + Guid.NewGuid().ToString("N");
        LogPath = Path.Combine(Path.GetTempPath(), $"slagrid-bench-silo-{Port}.log");
    }

    /// <summary>Where the silo's output is copied (all runs).</summary>
    public string LogPath { get; }

    /// <summary>The port it listens on (kept across restarts).</summary>
    public int Port { get; }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bootstrap admin key it was given.</summary>
    public string AdminKey { get; }

    /// <summary>The running process's id.</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("The silo is not running.");

    /// <summary>What the silo printed (all runs).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The silo beside the harness (built by the project reference), or the one named.</summary>
    public static string Locate(string? given)
    {
        var candidates = given is not null
            ? [given]
            : new[]
            {
                Path.Combine(AppContext.BaseDirectory, "SlaGrid.Silo.dll"),
                Path.Combine("src", "Silo", "bin", "Release", "net10.0", "SlaGrid.Silo.dll"),
            };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"SlaGrid.Silo.dll not found (looked at {string.Join(", ", candidates)}): build src/Silo or pass --silo.");
    }

    /// <summary>Starts the process and returns how long it took until <c>/readyz</c> answered 200.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The silo is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { _dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--storage", _storage },
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(_dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SLAGRID_ADMIN_KEY"] = AdminKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__SlaGrid.Grains.Grid.GridBootstrap"] = "Information";
        Append($"--- start at {_time.GetUtcNow():O}");
        var started = _time.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the silo.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return _time.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (_time.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"The silo was not ready within {limit}:\n{Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    /// <summary>Kills the process at once (SIGKILL: nothing is flushed, no shutdown hook runs).</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await KillAsync();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            File.AppendAllText(LogPath, line + "\n");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
