using System.Globalization;
using System.Text;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>
/// A strict reader of the text format 0.0.4, for tests: it fails on a family that is split, a sample before its
/// family's TYPE, a repeated HELP or TYPE, a bad label or value.
/// </summary>
internal sealed class Exposition
{
    private Exposition(List<ExpositionFamily> families) => Families = families;

    public IReadOnlyList<ExpositionFamily> Families { get; }

    public ExpositionFamily this[string name] => Families.Single(f => f.Name == name);

    public bool Has(string name) => Families.Any(f => f.Name == name);

    public static Exposition Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var families = new List<ExpositionFamily>();
        ExpositionFamily? current = null;
        var lineNumber = 0;
        foreach (var line in text.Split('\n')[..^1])
        {
            lineNumber++;
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = space < 0 ? rest : rest[..space];
                var value = space < 0 ? string.Empty : rest[(space + 1)..];
                if (current?.Name != name)
                {
                    if (families.Any(f => f.Name == name))
                    {
                        throw new FormatException($"line {lineNumber}: family {name} appears twice");
                    }

                    current = new ExpositionFamily(name);
                    families.Add(current);
                }

                if (line[2] == 'H')
                {
                    current.Help = current.Help is null ? UnescapeHelp(value) : throw new FormatException($"line {lineNumber}: second HELP for {name}");
                }
                else
                {
                    if (current.Type is not null || current.Samples.Count > 0)
                    {
                        throw new FormatException($"line {lineNumber}: TYPE for {name} is repeated or after its samples");
                    }

                    current.Type = value;
                }

                continue;
            }

            if (line.StartsWith('#') || line.Length == 0)
            {
                throw new FormatException($"line {lineNumber}: unexpected line '{line}'");
            }

            var sample = ParseSample(line, lineNumber);
            if (current is null || current.Type is null || !BelongsTo(sample.Name, current))
            {
                throw new FormatException($"line {lineNumber}: sample {sample.Name} is outside its family's group");
            }

            current.Samples.Add(sample);
        }

        return new Exposition(families);
    }

    private static bool BelongsTo(string sampleName, ExpositionFamily family) =>
        family.Type == "histogram"
            ? sampleName == family.Name + "_bucket" || sampleName == family.Name + "_sum" || sampleName == family.Name + "_count"
            : sampleName == family.Name;

    private static ExpositionSample ParseSample(string line, int lineNumber)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        var name = line[..i];
        var labels = new List<KeyValuePair<string, string>>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var start = i;
                while (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_')
                {
                    i++;
                }

                var label = line[start..i];
                if (line[i] != '=' || line[i + 1] != '"')
                {
                    throw new FormatException($"line {lineNumber}: bad label syntax in '{line}'");
                }

                i += 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        value.Append(line[i] switch
                        {
                            'n' => '\n',
                            '\\' => '\\',
                            '"' => '"',
                            _ => throw new FormatException($"line {lineNumber}: bad escape in '{line}'"),
                        });
                    }
                    else
                    {
                        value.Append(line[i]);
                    }

                    i++;
                }

                i++;
                labels.Add(new(label, value.ToString()));
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        if (line[i] != ' ')
        {
            throw new FormatException($"line {lineNumber}: expected one space before the value in '{line}'");
        }

        var text = line[(i + 1)..];
        var number = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"line {lineNumber}: no timestamps expected in '{line}'");
        }

        return new ExpositionSample(name, labels, text, number);
    }

    private static string UnescapeHelp(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
