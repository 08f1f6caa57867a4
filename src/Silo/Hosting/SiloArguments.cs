namespace SlaGrid.Silo.Hosting;

/// <summary>
/// Command-line conveniences on top of ASP.NET's configuration: bare flags (<c>--demo</c>) become
/// <c>--demo=true</c>, and the documented short names map to configuration keys
/// (<c>--storage</c> → <c>Storage</c>, <c>--metrics-port</c> → <c>Metrics:Port</c>, <c>--speed</c> → <c>Demo:Speed</c>).
/// </summary>
public static class SiloArguments
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--storage"] = "--Storage",
        ["--metrics-port"] = "--Metrics:Port",
        ["--demo"] = "--Demo:Enabled",
        ["--speed"] = "--Demo:Speed",
        ["--seed"] = "--Demo:Seed",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "--demo" };

    /// <summary>The arguments rewritten for the configuration provider.</summary>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Length + 2);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            var value = arg.Contains('=', StringComparison.Ordinal) ? arg.Split('=', 2)[1] : null;
            var mapped = Aliases.GetValueOrDefault(name, name);
            if (Flags.Contains(name) && value is null && (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                result.Add($"{mapped}=true");
            }
            else if (value is not null)
            {
                result.Add($"{mapped}={value}");
            }
            else
            {
                result.Add(mapped);
            }
        }

        return [.. result];
    }
}
