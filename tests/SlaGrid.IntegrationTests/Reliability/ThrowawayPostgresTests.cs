using Npgsql;
using SlaGrid.Testing.Postgres;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>The throwaway cluster can be stopped and started again on the same port, and keeps its data.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ThrowawayPostgresTests
{
    [ThrowawayPostgresFact]
    public async Task StopThenStart_RefusesConnectionsWhileDown_AndKeepsCommittedData()
    {
        await using var server = await ThrowawayPostgres.CreateAsync();
        var unpooled = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE kept (id int PRIMARY KEY); INSERT INTO kept VALUES (1), (2);", connection);
            await create.ExecuteNonQueryAsync();
        }

        await server.StopAsync();

        Assert.False(server.IsRunning);
        await using (var refused = new NpgsqlConnection(unpooled))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
        }

        await server.StartAsync();

        Assert.True(server.IsRunning);
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM kept", connection);
            Assert.Equal(2L, await count.ExecuteScalarAsync());
        }
    }

    [ThrowawayPostgresFact]
    public async Task Dispose_StopsTheServer_AndRemovesItsDirectory()
    {
        var server = await ThrowawayPostgres.CreateAsync();
        var root = server.RootDirectory;
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "postmaster.pid")));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(root));
        await using var refused = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
    }
}
