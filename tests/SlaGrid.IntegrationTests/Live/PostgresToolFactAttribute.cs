using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Live;

/// <summary>
/// A fact that needs both the test PostgreSQL server (<c>SLAGRID_TEST_PG</c>) and executables on PATH
/// (e.g. <c>prometheus</c>, <c>chromedriver</c>): skipped outside CI when any is missing, never skipped under CI.
/// </summary>
public sealed class PostgresToolFactAttribute : FactAttribute
{
    /// <summary>Needs PostgreSQL and every one of <paramref name="executables"/>.</summary>
    public PostgresToolFactAttribute(params string[] executables)
    {
        var missing = executables.Where(e => TestEnvironment.FindExecutable(e) is null).ToList();
        if (TestEnvironment.PostgresConnectionString is null)
        {
            missing.Insert(0, $"PostgreSQL ({TestEnvironment.PostgresVariable})");
        }

        if (missing.Count > 0 && !TestEnvironment.IsCi)
        {
            Skip = $"{string.Join(", ", missing)} not available on this machine (run ./test.sh); skipped outside CI.";
        }
    }
}
