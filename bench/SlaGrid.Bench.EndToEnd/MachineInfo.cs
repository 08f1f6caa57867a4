namespace SlaGrid.Bench.EndToEnd;

/// <summary>The machine a run was made on.</summary>
internal sealed record MachineInfo
{
    public string Cpu { get; init; } = "?";

    public string Lscpu { get; init; } = "";

    public string Memory { get; init; } = "";

    public string Kernel { get; init; } = "";

    public string Dotnet { get; init; } = "";

    public string Postgres { get; set; } = "";

    public string PostgresSettings { get; set; } = "";

    public string LoadAtStart { get; init; } = "";

    public string LoadAtEnd { get; set; } = "";

    /// <summary>Reads lscpu, free -h, uname, /proc/loadavg.</summary>
    public static async Task<MachineInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var lscpu = await ProcessRunner.TryRunAsync("lscpu", [], cancellationToken) ?? "";
        var keep = new[] { "Architecture", "Model name", "CPU(s):", "Thread(s) per core", "Core(s) per socket", "Hypervisor vendor", "L2 cache", "L3 cache" };
        var lines = lscpu.Split('\n').Where(l => keep.Any(k => l.StartsWith(k, StringComparison.Ordinal))).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var model = lscpu.Split('\n').FirstOrDefault(l => l.StartsWith("Model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        return new MachineInfo
        {
            Cpu = $"{model}, {Environment.ProcessorCount} logical CPUs",
            Lscpu = string.Join('\n', lines),
            Memory = (await ProcessRunner.TryRunAsync("free", ["-h"], cancellationToken) ?? "").TrimEnd(),
            Kernel = (await ProcessRunner.TryRunAsync("uname", ["-sr"], cancellationToken) ?? "").Trim(),
            Dotnet = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            LoadAtStart = LoadAverage(),
        };
    }

    /// <summary>The 1/5/15-minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
