using System.Net;
using System.Net.Sockets;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// A throwaway PostgreSQL cluster, the way <c>test.sh</c> makes one: <c>initdb</c> in a temporary directory, started
/// with <c>pg_ctl</c> on a free loopback port, as the <c>postgres</c> user when the harness runs as root.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _work;
    private readonly string? _runAs;

    private PostgresCluster(string bin, string work, string? runAs, int port)
    {
        _bin = bin;
        _work = work;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory => Path.Combine(_work, "pgdata");

    /// <summary>The settings it was started with (for the report).</summary>
    public static string Settings => "fsync=on, synchronous_commit=on (defaults), max_connections=300, shared_buffers=512MB";

    /// <summary>A connection string to its <c>postgres</c> database.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=slagrid;Database=postgres;Pooling=true;Maximum Pool Size=100";

    /// <summary>Initialises and starts a cluster.</summary>
    public static async Task<PostgresCluster> StartAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or pass --pg.");
        }

        var work = Directory.CreateTempSubdirectory("slagrid-bench-pg.").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        string? runAs = null;
        var data = Path.Combine(work, "pgdata");
        Directory.CreateDirectory(data);
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot())
        {
            // PostgreSQL refuses to run as root: use the packaged 'postgres' user (test.sh does the same).
            runAs = "postgres";
            await ProcessRunner.RunAsync("chown", [runAs, data], cancellationToken);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(bin, work, runAs, port);
        await log.WriteLineAsync($"[bench] starting a throwaway PostgreSQL ({bin}) on 127.0.0.1:{port}");
        await cluster.RunAsync("initdb", ["-D", data, "-U", "slagrid", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
        await cluster.RunAsync(
            "pg_ctl",
            ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o",
             $"-h 127.0.0.1 -p {port} -k {data} -c fsync=on -c max_connections=300 -c shared_buffers=512MB", "start"],
            cancellationToken);
        return cluster;
    }

    /// <summary>The postmaster's process id (from postmaster.pid), or null.</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(DataDirectory, "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Task<string> RunAsync(string tool, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_bin, tool);
        return _runAs is null
            ? ProcessRunner.RunAsync(path, args, cancellationToken)
            : ProcessRunner.RunAsync("runuser", ["-u", _runAs, "--", path, .. args], cancellationToken);
    }

    private static bool IsRoot() => File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid
        && uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
