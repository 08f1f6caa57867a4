using System.Text;

namespace SlaGrid.Cli.Files;

/// <summary>
/// A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes (which may hold commas,
/// line breaks and doubled quotes), CRLF or LF line ends, a UTF-8 BOM tolerated. The first record is the header;
/// names match case-insensitively; blank lines are skipped.
/// </summary>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private int _line = 1;

    private CsvReader(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Opens <paramref name="reader"/> and reads the header.</summary>
    /// <exception cref="InputFileException">The file is empty or the header is malformed.</exception>
    public static CsvReader Open(TextReader reader)
    {
        var csv = new CsvReader(reader);
        var header = csv.ReadRecord(out _) ?? throw new InputFileException("the file is empty: a CSV file starts with a header line");
        if (header.Length > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }

        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!csv._columns.TryAdd(name, i))
            {
                throw new InputFileException($"line 1: the column '{name}' appears twice");
            }
        }

        csv.Header = [.. header.Select(h => h.Trim())];
        return csv;
    }

    /// <summary>Throws unless every one of <paramref name="names"/> is a column.</summary>
    /// <exception cref="InputFileException">A column is missing.</exception>
    public void Require(params string[] names)
    {
        var missing = names.Where(n => !_columns.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new InputFileException($"line 1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(",", names)}");
        }
    }

    /// <summary>The records after the header, with the line each starts on.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (true)
        {
            var fields = ReadRecord(out var line);
            if (fields is null)
            {
                yield break;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return new CsvRecord(line, fields, _columns);
        }
    }

    private string[]? ReadRecord(out int startLine)
    {
        startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var next = _reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    throw new InputFileException($"line {startLine}: a quoted field is never closed");
                }

                if (!any)
                {
                    return null;
                }

                fields.Add(field.ToString());
                return [.. fields];
            }

            any = true;
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return [.. fields];
                default:
                    field.Append(c);
                    break;
            }
        }
    }
}
