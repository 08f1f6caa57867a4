using System.Globalization;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>Memory and CPU of a process, read from <c>/proc</c> (Linux).</summary>
internal static class ProcStats
{
    /// <summary>Clock ticks per second of <c>/proc/&lt;pid&gt;/stat</c> times (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100.0;

    /// <summary>The resident set size in bytes (VmRSS), or null when the process is gone.</summary>
    public static long? RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>CPU seconds (utime + stime; with <paramref name="reapedChildren"/>, plus cutime + cstime).</summary>
    public static double? CpuSeconds(int pid, bool reapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return null;
        }

        // After "pid (comm)": state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based); here 0 = state.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (reapedChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of a PostgreSQL cluster: the postmaster with its reaped children, plus every live child (backends,
    /// WAL writer, checkpointer).
    /// </summary>
    public static double? ClusterCpuSeconds(int postmasterPid)
    {
        var total = CpuSeconds(postmasterPid, reapedChildren: true);
        if (total is null)
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmasterPid)
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && int.TryParse(fields[1], out var parent) && parent == postmasterPid)
            {
                total += CpuSeconds(pid) ?? 0;
            }
        }

        return total;
    }

    /// <summary>Busy CPU seconds of the whole machine (user, nice, system, irq, softirq, steal from /proc/stat), or null.</summary>
    public static double? MachineBusySeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => i < cpu.Length ? long.Parse(cpu[i], CultureInfo.InvariantCulture) : 0;
            return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The fields after "(comm)": [0] = state, [1] = ppid, ...
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return close < 0 ? null : text[(close + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
