using System.Globalization;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>The harness's command line: <c>[--profile smoke|standard|national|restart] [--pg "&lt;conn&gt;"] [--out file.md]</c>.</summary>
public sealed record BenchOptions
{
    /// <summary>The sizes and durations to run.</summary>
    public BenchProfile Profile { get; init; } = BenchProfile.Smoke;

    /// <summary>
    /// An existing PostgreSQL server to use (its database is the entry point); null starts a throwaway cluster with
    /// initdb on a free port.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// Whether to create a fresh database on <see cref="PostgresConnectionString"/> (default) and drop it at the end;
    /// false uses the named database as it is (it must be empty).
    /// </summary>
    public bool FreshDatabase { get; init; } = true;

    /// <summary>The markdown report to write (the PNG goes beside it); null writes none.</summary>
    public string? OutputPath { get; init; } = "docs/benchmarks-e2e.md";

    /// <summary>The silo to run (<c>dotnet &lt;dll&gt;</c>); null finds <c>SlaGrid.Silo.dll</c> beside the harness.</summary>
    public string? SiloPath { get; init; }

    /// <summary>The random seed of the synthetic dataset and the workload.</summary>
    public int Seed { get; init; } = 20_260_701;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a usage line on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--profile" => options with { Profile = BenchProfile.Named(Value()) },
                "--pg" => options with { PostgresConnectionString = Value() },
                "--use-database-as-is" => options with { FreshDatabase = false },
                "--out" => options with { OutputPath = Value() },
                "--no-out" => options with { OutputPath = null },
                "--silo" => options with { SiloPath = Value() },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{name}'.\n{Usage}"),
            };
        }

        return options;
    }

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: dotnet run -c Release --project bench/SlaGrid.Bench.EndToEnd -- [--profile smoke|standard|national|restart] " +
        "[--pg \"<connection string>\" [--use-database-as-is]] [--out docs/benchmarks-e2e.md | --no-out] [--silo SlaGrid.Silo.dll] [--seed N]";
}
