using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace SlaGrid.Storage;

/// <summary>
/// Which storage backend to use and where, parsed from the selection spec (the silo's <c>--storage</c> option or
/// <c>SLAGRID_STORAGE</c>): <c>postgres:&lt;Npgsql connection string&gt;</c>, <c>sqlite:&lt;path&gt;</c>, or empty for
/// SQLite at <see cref="DefaultSqlitePath"/>. <see cref="ToString"/> never shows a password.
/// </summary>
public sealed class StorageSpec
{
    /// <summary>The SQLite file used when no spec is given.</summary>
    public const string DefaultSqlitePath = "./data/slagrid.db";

    private const string Expected = "expected 'sqlite:<path>' or 'postgres:<Npgsql connection string>' (empty: SQLite at " + DefaultSqlitePath + ")";

    private StorageSpec(StorageProvider provider, string target, string display)
    {
        Provider = provider;
        Target = target;
        Display = display;
    }

    /// <summary>The backend.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The SQLite file path, or the PostgreSQL connection string (which may hold a password: never log it).</summary>
    public string Target { get; }

    private string Display { get; }

    /// <summary>Parses a spec.</summary>
    /// <exception cref="FormatException">The spec names no known backend or its target is invalid; the message says why.</exception>
    public static StorageSpec Parse(string? spec) =>
        TryParse(spec, out var result, out var error) ? result : throw new FormatException(error);

    /// <summary>Parses a spec; on failure <paramref name="error"/> says why (without echoing secrets).</summary>
    public static bool TryParse(string? spec, [NotNullWhen(true)] out StorageSpec? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = null;
        var text = spec?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            result = ForSqlite(DefaultSqlitePath);
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            error = $"The storage spec names no backend: {Expected}.";
            return false;
        }

        var scheme = text[..colon].Trim();
        var target = text[(colon + 1)..].Trim();
        if (scheme.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSqlite(target, out result, out error);
        }

        if (scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return TryParsePostgres(target, out result, out error);
        }

        error = scheme.Length <= 20 && scheme.All(char.IsAsciiLetterOrDigit)
            ? $"Unknown storage backend '{scheme}': {Expected}."
            : $"The storage spec names no known backend: {Expected}.";
        return false;
    }

    /// <summary>The spec with any password removed, fit for logs: <c>sqlite:path</c> or <c>postgres:Host=...;Database=...</c>.</summary>
    public override string ToString() => Display;

    private static bool TryParseSqlite(string path, [NotNullWhen(true)] out StorageSpec? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (path.Length == 0)
        {
            error = "The storage spec 'sqlite:' needs a file path, e.g. 'sqlite:./data/slagrid.db'.";
            return false;
        }

        if (path.Equals(":memory:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            error = "The SQLite store needs a file path (in-memory databases and URIs are not supported): use e.g. 'sqlite:/tmp/slagrid.db'.";
            return false;
        }

        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            error = "The SQLite path in the storage spec is not a valid file path.";
            return false;
        }

        error = null;
        result = ForSqlite(path);
        return true;
    }

    private static bool TryParsePostgres(string connectionString, [NotNullWhen(true)] out StorageSpec? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (connectionString.Length == 0)
        {
            error = "The storage spec 'postgres:' needs an Npgsql connection string, e.g. 'postgres:Host=127.0.0.1;Username=slagrid;Database=slagrid'.";
            return false;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            error = $"The PostgreSQL connection string in the storage spec is not valid: {ex.Message}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            error = "The PostgreSQL connection string in the storage spec has no Host.";
            return false;
        }

        error = null;
        result = new StorageSpec(StorageProvider.Postgres, connectionString, "postgres:" + Redact(builder));
        return true;
    }

    private static StorageSpec ForSqlite(string path) => new(StorageProvider.Sqlite, path, "sqlite:" + path);

    /// <summary>The connection's identifying parts only: host, port, database, user.</summary>
    internal static string Redact(NpgsqlConnectionStringBuilder builder) =>
        $"Host={builder.Host};Port={builder.Port};Database={builder.Database ?? builder.Username ?? "(default)"};Username={builder.Username ?? "(default)"}";
}
