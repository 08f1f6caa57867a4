using System.Diagnostics;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>Runs short external commands (initdb, pg_ctl, lscpu) and returns their output.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken, bool check = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout + await stderr;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{output}");
        }

        return output;
    }

    /// <summary>Runs a command and returns its output, or null when it cannot run (not installed, failed).</summary>
    public static async Task<string?> TryRunAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(file, args, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
