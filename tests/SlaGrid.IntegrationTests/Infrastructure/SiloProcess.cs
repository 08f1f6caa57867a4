using System.Diagnostics;
using System.Text;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Infrastructure;

/// <summary>
/// The silo as its own OS process (<c>dotnet SlaGrid.Silo.dll</c>), for tests that kill it (SIGKILL) or restart it
/// over the same store. Output is captured for failure messages.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What it printed so far.</summary>
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

    /// <summary>Starts the silo over <paramref name="storageSpec"/> on a free port and waits until /readyz answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(string storageSpec, string workingDirectory, int? port = null, TimeSpan? readyTimeout = null)
    {
        var siloDll = Path.Combine(AppContext.BaseDirectory, "SlaGrid.Silo.dll");
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { siloDll, "--urls", address.ToString().TrimEnd('/'), "--storage", storageSpec },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SLAGRID_ADMIN_KEY"] = TestSilo.AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var silo = new SiloProcess(Process.Start(start)!, address);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            await Eventually.WaitAsync(
                async () =>
                {
                    if (silo._process.HasExited)
                    {
                        throw new InvalidOperationException($"The silo exited with {silo._process.ExitCode}:\n{silo.Output}");
                    }

                    using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                },
                readyTimeout ?? TimeSpan.FromSeconds(90),
                "the silo to become ready");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown hooks run).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
