using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Tests.Support;

/// <summary>What the contract suite needs from a backend: fresh, empty databases and raw SQL access to them.</summary>
public interface IStorageBackend
{
    /// <summary>The backend's name, as <see cref="ISlaGridStorage.Provider"/> reports it.</summary>
    string Provider { get; }

    /// <summary>A new empty database (a schema on PostgreSQL, a file on SQLite), identified by the returned location.</summary>
    Task<string> NewDatabaseAsync();

    /// <summary>A storage over the database at <paramref name="location"/> (not migrated).</summary>
    ISlaGridStorage Open(string location, TimeProvider timeProvider);

    /// <summary>Runs raw SQL against the database and returns the first column of the first row.</summary>
    Task<object?> ScalarAsync(string location, string sql);
}
