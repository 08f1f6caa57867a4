namespace SlaGrid.Cli.Files;

/// <summary>How an input file is read, chosen by its extension.</summary>
internal enum InputFormat
{
    /// <summary><c>.csv</c>: a header line, then one record per line.</summary>
    Csv,

    /// <summary><c>.json</c>: one JSON document (an array, or the calendar object).</summary>
    Json,

    /// <summary><c>.jsonl</c> / <c>.ndjson</c>: one JSON object per line.</summary>
    JsonLines,
}
