using SlaGrid.Client.Contracts;

namespace SlaGrid.Cli.Files;

/// <summary>One record of an events file: an event, or why the record is not one.</summary>
/// <param name="Line">Where the record starts (1-based).</param>
/// <param name="Event">The event, when the record is valid.</param>
/// <param name="Error">What is wrong with it, otherwise.</param>
internal sealed record EventLine(int Line, DossierEvent? Event, string? Error);
