using System.Globalization;
using Spectre.Console;

namespace SlaGrid.Cli;

/// <summary>Text formatting for tables: invariant culture, ISO times, and every server-provided string escaped from Spectre markup.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "-";

    public static string Text(string? value) => value is null or "" ? "-" : Markup.Escape(value);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "yes" : "no";

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }
}
