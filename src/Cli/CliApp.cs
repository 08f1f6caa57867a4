namespace SlaGrid.Cli;

/// <summary>The <c>slagrid</c> command line.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("slagrid: no commands yet");
        return 2;
    }
}
