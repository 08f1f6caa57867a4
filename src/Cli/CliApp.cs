using System.CommandLine;
using SlaGrid.Cli.Commands;
using Spectre.Console;

namespace SlaGrid.Cli;

/// <summary>The <c>slagrid</c> command line. Exit codes: <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    /// <summary>Runs the command line on the process's console and environment and returns its exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args) =>
        RunAsync(args, AnsiConsole.Console, Console.Error, Environment.GetEnvironmentVariable).GetAwaiter().GetResult();

    /// <summary>Runs the command line and returns its exit code. Testable: output, errors and environment are given.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where results go (tables, JSON lines, the live view).</param>
    /// <param name="error">Where errors and diagnostics go.</param>
    /// <param name="environment">Reads an environment variable (<c>SLAGRID_URL</c>, <c>SLAGRID_KEY</c>); the process's when null.</param>
    /// <param name="cancellationToken">Interrupts the command (as Ctrl+C does).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        TextWriter error,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(console, error, environment ?? Environment.GetEnvironmentVariable);
        var root = BuildCommand(context);
        var parse = root.Parse(args);
        var output = console.Profile.Out.Writer;
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine("slagrid: " + parseError.Message);
            }

            error.WriteLine("Run 'slagrid --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand BuildCommand(CliContext context)
    {
        var root = new RootCommand("slagrid: the SlaGrid command line (reference data, event replay, queries, live view, keys)");
        root.Options.Add(context.Url);
        root.Options.Add(context.Key);
        root.Options.Add(context.Json);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(DossierCommand.Create(context));
        root.Subcommands.Add(AlertsCommand.Create(context));
        root.Subcommands.Add(AlertsCommand.CreateAck(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        return root;
    }
}
