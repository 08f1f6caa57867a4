using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SlaGrid.Storage.Migrations;

/// <summary>The migrations embedded in this assembly (<c>Migrations/&lt;Backend&gt;/NNNN_name.sql</c>), per backend.</summary>
internal static partial class MigrationCatalog
{
    /// <summary>The PostgreSQL migrations, by version.</summary>
    public static IReadOnlyList<MigrationScript> Postgres { get; } = Load("Postgres");

    /// <summary>The SQLite migrations, by version.</summary>
    public static IReadOnlyList<MigrationScript> Sqlite { get; } = Load("Sqlite");

    /// <summary>Loads a backend's scripts and checks that versions run 1, 2, 3, ... with no gap or duplicate.</summary>
    internal static IReadOnlyList<MigrationScript> Load(string backend)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success || !match.Groups["backend"].Value.Equals(backend, StringComparison.Ordinal))
            {
                continue;
            }

            var sql = Read(assembly, resource);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new MigrationScript(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                sql,
                checksum));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"The embedded {backend} migrations must be numbered 1, 2, 3, ... without gaps or duplicates; found version {scripts[i].Version} at position {i + 1}.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded {backend} migrations were found.");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded migration {resource} cannot be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"Migrations[./\\](?<backend>Postgres|Sqlite)[./\\]_?(?<version>\d{4})_(?<name>\w+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePattern();
}
