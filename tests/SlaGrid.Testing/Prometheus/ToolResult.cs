namespace SlaGrid.Testing.Prometheus;

/// <summary>What an external tool did: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output and standard error together, for assertion messages.</summary>
    public string Output => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
