namespace SlaGrid.Testing.Prometheus;

/// <summary>Prometheus' own checker, <c>promtool</c> (Debian package <c>prometheus</c>).</summary>
public static class Promtool
{
    /// <summary>The executable's name.</summary>
    public const string Executable = "promtool";

    /// <summary><c>promtool check metrics</c> over an exposition piped to standard input: parse errors and lint problems.</summary>
    public static Task<ToolResult> CheckMetricsAsync(string exposition, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(Executable, ["check", "metrics"], exposition, cancellationToken);

    /// <summary><c>promtool check rules</c> over rule files.</summary>
    public static Task<ToolResult> CheckRulesAsync(IEnumerable<string> ruleFiles, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(Executable, ["check", "rules", .. ruleFiles], null, cancellationToken);

    /// <summary><c>promtool check config</c> over a Prometheus configuration file (and the rule files it names).</summary>
    public static Task<ToolResult> CheckConfigAsync(string configFile, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(Executable, ["check", "config", configFile], null, cancellationToken);
}
