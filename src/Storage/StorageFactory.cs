using Microsoft.Extensions.Logging;
using SlaGrid.Grains.Persistence;
using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Sqlite;

namespace SlaGrid.Storage;

/// <summary>Opens the backend a selection spec names and migrates it, ready for use.</summary>
public static class StorageFactory
{
    /// <summary>
    /// Parses <paramref name="spec"/> (<c>postgres:&lt;Npgsql connection string&gt;</c>, <c>sqlite:&lt;path&gt;</c>, or
    /// empty for SQLite at <see cref="StorageSpec.DefaultSqlitePath"/>), opens that backend and applies pending
    /// migrations. The caller owns (and disposes) the result.
    /// </summary>
    /// <exception cref="FormatException">The spec is invalid (the message says why, without secrets).</exception>
    /// <exception cref="SchemaTooNewException">The database was migrated by a newer SlaGrid.</exception>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public static Task<ISlaGridStorage> CreateAsync(string? spec, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        CreateAsync(StorageSpec.Parse(spec), timeProvider, loggerFactory, cancellationToken);

    /// <summary>Opens and migrates the backend <paramref name="spec"/> names.</summary>
    /// <exception cref="SchemaTooNewException">The database was migrated by a newer SlaGrid.</exception>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public static async Task<ISlaGridStorage> CreateAsync(StorageSpec spec, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ISlaGridStorage storage = spec.Provider switch
        {
            StorageProvider.Postgres => new PostgresStorage(spec.Target, timeProvider, loggerFactory),
            _ => new SqliteStorage(spec.Target, timeProvider, loggerFactory),
        };
        try
        {
            await storage.MigrateAsync(cancellationToken);
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }
}
