using Microsoft.Data.Sqlite;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>Concurrent writers of one grain's state on SQLite (two connections to one file): the stale one fails loudly.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrentStateWritersOnSqliteTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slagrid-cas").FullName;

    private string Spec => "sqlite:" + Path.Combine(_directory, "slagrid.db");

    [Fact]
    public Task TwoActivationsOfOneGrain_TheStaleWriteFails_AndOverwritesNothing() =>
        ConcurrentStateWriters.TwoActivationsAsync(Spec);

    [Fact]
    public Task RacingWritersWithOneVersion_ExactlyOneWins_AndTheStoredStateIsTheWinners() =>
        ConcurrentStateWriters.RacingWritersAsync(Spec);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
