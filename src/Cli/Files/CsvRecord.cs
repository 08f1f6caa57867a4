namespace SlaGrid.Cli.Files;

/// <summary>One CSV record and the header's column positions.</summary>
/// <param name="Line">The line the record starts on (1 is the header).</param>
/// <param name="Fields">The fields.</param>
/// <param name="Columns">Column name to position.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The trimmed value of <paramref name="column"/>, or null when the column is absent or the field empty.</summary>
    public string? Get(string column) =>
        Columns.TryGetValue(column, out var i) && i < Fields.Count && Fields[i].Trim() is { Length: > 0 } value ? value : null;

    /// <summary>The value of a column that must be filled.</summary>
    /// <exception cref="InputFileException">The field is empty.</exception>
    public string Require(string column) => Get(column) ?? throw new InputFileException($"line {Line}: '{column}' is empty");
}
