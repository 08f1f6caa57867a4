using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Sqlite;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>SQLite for the contract suite: a fresh file per test in a temporary directory, removed at the end.</summary>
public sealed class SqliteBackend : IStorageBackend, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slagrid-storage-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private int _files;

    public string Provider => "sqlite";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }

        return Task.CompletedTask;
    }

    public Task<string> NewDatabaseAsync() =>
        Task.FromResult(Path.Combine(_directory, $"db{Interlocked.Increment(ref _files)}", "slagrid.db"));

    public ISlaGridStorage Open(string location, TimeProvider timeProvider) => new SqliteStorage(location, timeProvider, NullLoggerFactory.Instance);

    public Task<object?> ScalarAsync(string location, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Task.FromResult(command.ExecuteScalar());
    }
}
