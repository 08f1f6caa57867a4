namespace SlaGrid.Testing;

/// <summary>
/// What the test run has: a PostgreSQL server (<c>SLAGRID_TEST_PG</c>), Prometheus, Chromium.
/// On a developer's machine a missing prerequisite skips the test; under CI (<c>CI=true</c>) it never
/// skips, so the test runs and fails with a message that names what is missing.
/// </summary>
public static class TestEnvironment
{
    /// <summary>The name of the variable that holds the test server's connection string.</summary>
    public const string PostgresVariable = "SLAGRID_TEST_PG";

    /// <summary>True when running under CI, where nothing may be skipped for a missing server.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL connection string for tests, or null when none was given.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The PostgreSQL connection string, or a failure that says how to get one.</summary>
    public static string RequirePostgres() =>
        PostgresConnectionString
        ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set: run the suite through ./test.sh, which starts a throwaway PostgreSQL cluster.");

    /// <summary>Finds an executable on PATH (or an absolute path), or null.</summary>
    public static string? FindExecutable(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The executable's path, or a failure that says it is missing.</summary>
    public static string RequireExecutable(string name) =>
        FindExecutable(name)
        ?? throw new InvalidOperationException($"'{name}' is not installed: ./test.sh installs it with apt-get.");

    /// <summary>The skip reason for a missing prerequisite: null under CI (the test must run and fail).</summary>
    internal static string? SkipUnlessCi(bool present, string what) =>
        present || IsCi ? null : $"{what} is not available on this machine (run ./test.sh); skipped outside CI.";
}
