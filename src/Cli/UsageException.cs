namespace SlaGrid.Cli;

/// <summary>A usage error found after parsing (e.g. a bad URL or date): exit code 2, nothing was sent.</summary>
/// <param name="message">What is wrong.</param>
internal sealed class UsageException(string message) : Exception(message);
