namespace SlaGrid.Cli.Files;

/// <summary>An input file that cannot be read as the command needs: a usage error (exit code 2).</summary>
/// <param name="message">What is wrong, with the line when known.</param>
internal sealed class InputFileException(string message) : Exception(message);
