using Xunit;

namespace SlaGrid.Testing;

/// <summary>A fact that needs the PostgreSQL server that <c>./test.sh</c> starts.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Skips outside CI when <c>SLAGRID_TEST_PG</c> is not set.</summary>
    public PostgresFactAttribute()
    {
        Skip = TestEnvironment.SkipUnlessCi(TestEnvironment.PostgresConnectionString is not null, "PostgreSQL (SLAGRID_TEST_PG)");
    }
}
