using Microsoft.Extensions.Logging;
using Npgsql;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Migrations;

namespace SlaGrid.Storage.Postgres;

/// <summary>
/// The PostgreSQL backend (production). One pooled <see cref="NpgsqlDataSource"/>; statements are
/// auto-prepared; dossier commit groups are set-based (arrays through <c>unnest</c>) in one round trip.
/// Call <see cref="MigrateAsync"/> before use (<see cref="StorageFactory.CreateAsync(string?, TimeProvider, Microsoft.Extensions.Logging.ILoggerFactory, CancellationToken)"/> does).
/// </summary>
public sealed class PostgresStorage : ISlaGridStorage
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresExecutor _db;
    private readonly PostgresMigrator _migrator;

    /// <summary>Creates the backend over an Npgsql connection string (nothing is opened yet).</summary>
    /// <param name="connectionString">An Npgsql connection string. <c>Max Auto Prepare</c> defaults to 64 here, <c>No Reset On Close</c> to true, <c>Application Name</c> to <c>slagrid</c>.</param>
    /// <param name="timeProvider">The clock (for migration records).</param>
    /// <param name="loggerFactory">Where logs go (Npgsql's included). Connection-string passwords are never logged.</param>
    public PostgresStorage(string connectionString, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        // Nothing here leaves session state behind (locks are transaction-scoped), so a pooled connection need not be
        // reset (RESET ALL, CLOSE ALL, UNLISTEN … sent with the next command) every time it goes back to the pool.
        if (!connectionString.Contains("reset on close", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "slagrid";
        }

        builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();
        _db = new PostgresExecutor(_dataSource);
        var logger = loggerFactory.CreateLogger<PostgresStorage>();
        _migrator = new PostgresMigrator(_db, MigrationCatalog.Postgres, timeProvider, logger);
        States = new PostgresGrainStateStore(_db);
        Deadlines = new PostgresDeadlineStore(_db);
        Reference = new PostgresReferenceStore(_db);
        Dossiers = new PostgresDossierStore(_db);
        Alerts = new PostgresAlertStore(_db);
        Webhooks = new PostgresWebhookStore(_db);
        Keys = new PostgresApiKeyStore(_db);
        Target = "postgres:" + StorageSpec.Redact(settings);
        StorageLog.Opened(logger, Target);
    }

    /// <summary>The schema version this binary's migrations produce.</summary>
    public static int LatestSchemaVersion => MigrationCatalog.Postgres[^1].Version;

    /// <inheritdoc />
    public string Provider => PostgresExecutor.Provider;

    /// <summary>Where this backend points, without secrets (for logs and diagnostics).</summary>
    public string Target { get; }

    /// <inheritdoc />
    public IGrainStateStore States { get; }

    /// <inheritdoc />
    public IDeadlineStore Deadlines { get; }

    /// <inheritdoc />
    public IReferenceStore Reference { get; }

    /// <inheritdoc />
    public IDossierStore Dossiers { get; }

    /// <inheritdoc />
    public IAlertStore Alerts { get; }

    /// <inheritdoc />
    public IWebhookStore Webhooks { get; }

    /// <inheritdoc />
    public IApiKeyStore Keys { get; }

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken) => _migrator.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _db.RunAsync(
                async (c, ct) =>
                {
                    await using var cmd = new NpgsqlCommand("SELECT 1", c);
                    return await cmd.ExecuteScalarAsync(ct) is 1;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
