using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>Concurrent writers of one grain's state on PostgreSQL: the stale one fails loudly.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrentStateWritersOnPostgresTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public Task TwoActivationsOfOneGrain_TheStaleWriteFails_AndOverwritesNothing() =>
        ConcurrentStateWriters.TwoActivationsAsync("postgres:" + database.ConnectionString);

    [PostgresFact]
    public Task RacingWritersWithOneVersion_ExactlyOneWins_AndTheStoredStateIsTheWinners() =>
        ConcurrentStateWriters.RacingWritersAsync("postgres:" + database.ConnectionString);
}
