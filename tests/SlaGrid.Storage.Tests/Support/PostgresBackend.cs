using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Postgres;
using SlaGrid.Testing;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>
/// PostgreSQL for the contract suite: one database per test class (<see cref="PostgresDatabase"/>), and one fresh
/// schema per test inside it (through <c>Search Path</c>), so tests never see each other's rows.
/// Does nothing when no server is configured outside CI (the facts are skipped then).
/// </summary>
public sealed class PostgresBackend : IStorageBackend, IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private int _schemas;

    public string Provider => "postgres";

    public async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresConnectionString is not null || TestEnvironment.IsCi)
        {
            await _database.InitializeAsync();
        }
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public async Task<string> NewDatabaseAsync()
    {
        var schema = $"t{Interlocked.Increment(ref _schemas)}";
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_database.ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public ISlaGridStorage Open(string location, TimeProvider timeProvider) => new PostgresStorage(location, timeProvider, NullLoggerFactory.Instance);

    public async Task<object?> ScalarAsync(string location, string sql)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
