using Xunit;

namespace SlaGrid.Testing.Postgres;

/// <summary>A fact that makes its own PostgreSQL cluster (<see cref="ThrowawayPostgres"/>), to stop and start it.</summary>
public sealed class ThrowawayPostgresFactAttribute : FactAttribute
{
    /// <summary>Skips outside CI when PostgreSQL's binaries (or <c>runuser</c>, as root) are missing.</summary>
    public ThrowawayPostgresFactAttribute()
    {
        var missing = ThrowawayPostgres.Unavailable;
        Skip = TestEnvironment.SkipUnlessCi(missing is null, missing ?? string.Empty);
    }
}
