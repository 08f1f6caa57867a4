using Npgsql;
using Xunit;

namespace SlaGrid.Testing;

/// <summary>
/// A fresh database on the test server, dropped on dispose, so that test classes that share one server
/// never see each other's rows. Use as an xunit class fixture.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private string? _adminConnectionString;

    /// <summary>The database's name (unique per instance).</summary>
    public string Name { get; } = "slagrid_t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The connection string for the fresh database; set once <see cref="InitializeAsync"/> ran.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _adminConnectionString = TestEnvironment.RequirePostgres();
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
