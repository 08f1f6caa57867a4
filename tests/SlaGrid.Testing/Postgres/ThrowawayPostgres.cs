using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SlaGrid.Testing.Postgres;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temp directory on a free loopback port, that the test may stop and
/// start again at will (never do that to the shared server of <c>SLAGRID_TEST_PG</c>). Made with <c>initdb</c>
/// (trust authentication, user <c>slagrid</c>) and run with <c>pg_ctl</c>; when the tests run as root (CI), both run
/// as the unprivileged user of <c>SLAGRID_TEST_PG_USER</c> through <c>runuser -u &lt;user&gt; --</c>, since
/// PostgreSQL refuses to run as root. The binaries come from <c>SLAGRID_TEST_PG_BIN</c>, else the newest
/// <c>/usr/lib/postgresql/*/bin</c>. Use with <see cref="ThrowawayPostgresFactAttribute"/>.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>The variable naming the directory that holds <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public const string BinVariable = "SLAGRID_TEST_PG_BIN";

    /// <summary>The variable naming the OS user PostgreSQL runs as when the tests run as root.</summary>
    public const string UserVariable = "SLAGRID_TEST_PG_USER";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly string _bin;
    private readonly string? _runAs;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private ThrowawayPostgres(string bin, string? runAs, string root, int port)
    {
        _bin = bin;
        _runAs = runAs;
        RootDirectory = root;
        Port = port;
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={port};Username=slagrid;Database=postgres;Pooling=true;Maximum Pool Size=50");
    }

    /// <summary>The directory that holds the cluster (<c>data</c>), its socket and its log.</summary>
    public string RootDirectory { get; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The loopback port it listens on (the same across restarts).</summary>
    public int Port { get; }

    /// <summary>An Npgsql connection string for its <c>postgres</c> database as <c>slagrid</c> (superuser, trust).</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server was started and not stopped since.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>The directory with <c>initdb</c> and <c>pg_ctl</c>, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured)
            {
                return HasBinaries(configured) ? configured : null;
            }

            const string installed = "/usr/lib/postgresql";
            if (!Directory.Exists(installed))
            {
                return null;
            }

            return Directory.GetDirectories(installed)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(c => HasBinaries(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault();
        }
    }

    /// <summary>Whether this process runs as root (then PostgreSQL must run as another user).</summary>
    public static bool RunsAsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>
    /// The user PostgreSQL runs as: null when the tests do not run as root; else <c>SLAGRID_TEST_PG_USER</c>, or
    /// <c>postgres</c> when that is unset.
    /// </summary>
    public static string? RunAsUser =>
        !RunsAsRoot ? null
        : Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } user ? user
        : "postgres";

    /// <summary>Why a throwaway cluster cannot be made here, or null when it can.</summary>
    public static string? Unavailable
    {
        get
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                return "a throwaway PostgreSQL cluster needs Linux or macOS";
            }

            if (BinDirectory is null)
            {
                return $"PostgreSQL's initdb and pg_ctl ({BinVariable}, or /usr/lib/postgresql/*/bin)";
            }

            if (RunsAsRoot && TestEnvironment.FindExecutable("runuser") is null)
            {
                return "runuser (the tests run as root and PostgreSQL must not)";
            }

            return null;
        }
    }

    /// <summary>Makes a fresh cluster (initdb) and starts it; throws with the tools' output if either fails.</summary>
    public static async Task<ThrowawayPostgres> CreateAsync(CancellationToken cancellationToken = default)
    {
        if (Unavailable is { } missing)
        {
            throw new InvalidOperationException($"Cannot make a throwaway PostgreSQL cluster: {missing} is missing (./test.sh installs PostgreSQL).");
        }

        var root = Directory.CreateTempSubdirectory("slagrid-pg-").FullName;
        var server = new ThrowawayPostgres(BinDirectory!, RunAsUser, root, FreePort.Next());
        try
        {
            if (server._runAs is { } user)
            {
                await RunAsync("chown", [user, root], null, cancellationToken);
            }

            await server.RunToolAsync(
                "initdb",
                ["-D", server.DataDirectory, "-U", "slagrid", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                cancellationToken);
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) on the same port and data; returns once it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-h 127.0.0.1 -p {Port} -k {RootDirectory} -c max_connections=100 -c shared_buffers=32MB -c fsync=on");
            await RunToolAsync(
                "pg_ctl",
                ["start", "-D", DataDirectory, "-l", Path.Combine(RootDirectory, "server.log"), "-w", "-t", "90", "-o", options],
                cancellationToken);
            IsRunning = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the server and waits until it is down. <paramref name="immediate"/>: like a crash (no checkpoint,
    /// connections cut at once); otherwise a fast shutdown (open transactions roll back, sessions are ended).
    /// </summary>
    public async Task StopAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "90"], cancellationToken);
            IsRunning = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The server's log so far (for failure messages).</summary>
    public string ReadLog()
    {
        var path = Path.Combine(RootDirectory, "server.log");
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException ex)
        {
            return $"(server.log unreadable: {ex.Message})";
        }
    }

    /// <summary>Stops the server at once (if running) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                try
                {
                    await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], CancellationToken.None);
                }
                catch (InvalidOperationException)
                {
                    // Not running after all; the directory goes anyway.
                }
            }

            IsRunning = false;
            try
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static bool HasBinaries(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var exe = Path.Combine(_bin, tool);
        return _runAs is { } user
            ? RunAsync("runuser", ["-u", user, "--", exe, .. arguments], RootDirectory, cancellationToken)
            : RunAsync(exe, arguments, RootDirectory, cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // pg_ctl's server inherits the environment: keep it in the C.UTF-8 locale whatever the test runner has.
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }
    }
}
