using Xunit;

namespace SlaGrid.Testing;

/// <summary>A theory that needs the PostgreSQL server that <c>./test.sh</c> starts.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips outside CI when <c>SLAGRID_TEST_PG</c> is not set.</summary>
    public PostgresTheoryAttribute()
    {
        Skip = TestEnvironment.SkipUnlessCi(TestEnvironment.PostgresConnectionString is not null, "PostgreSQL (SLAGRID_TEST_PG)");
    }
}
