using Npgsql;
using SlaGrid.Testing.Postgres;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>The throwaway cluster can be stopped and started again on the same port, keeps its data, and goes away on dispose.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ThrowawayPostgresTests
{
    [ThrowawayPostgresFact]
    public async Task StopThenStart_RefusesConnectionsWhileDown_KeepsCommittedData_AndDisposeRemovesIt()
    {
        var server = await ThrowawayPostgres.CreateAsync();
        var root = server.RootDirectory;
        var unpooled = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        try
        {
            await using (var connection = new NpgsqlConnection(unpooled))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (1), (2);", connection);
                await create.ExecuteNonQueryAsync();
            }

            await server.StopAsync();

            Assert.False(server.IsRunning);
            await AssertRefusedAsync(unpooled);

            await server.StartAsync();

            Assert.True(server.IsRunning);
            await using (var connection = new NpgsqlConnection(unpooled))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT count(*) FROM kept", connection);
                Assert.Equal(2L, await count.ExecuteScalarAsync());
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(Directory.Exists(root));
        await AssertRefusedAsync(unpooled);
    }

    private static async Task AssertRefusedAsync(string connectionString)
    {
        await using var refused = new NpgsqlConnection(connectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
    }
}
