using Microsoft.Extensions.Logging;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using SlaGrid.Storage.Migrations;

namespace SlaGrid.Storage.Sqlite;

/// <summary>
/// The embedded SQLite backend (the default): one file in WAL mode with <c>synchronous=FULL</c> (a committed
/// transaction survives a crash or power loss), one writer connection serialized in-process, pooled readers.
/// Call <see cref="MigrateAsync"/> before use (<see cref="StorageFactory.CreateAsync(string?, TimeProvider, Microsoft.Extensions.Logging.ILoggerFactory, CancellationToken)"/> does).
/// </summary>
public sealed class SqliteStorage : ISlaGridStorage
{
    private readonly SqliteDatabase _db;
    private readonly SqliteMigrator _migrator;

    /// <summary>Creates the backend on the file at <paramref name="path"/>, creating its directory if needed (the file is created on first use).</summary>
    /// <param name="path">The database file.</param>
    /// <param name="timeProvider">The clock (for migration records).</param>
    /// <param name="loggerFactory">Where logs go.</param>
    /// <param name="options">Settings (null: defaults); validated here.</param>
    public SqliteStorage(string path, TimeProvider timeProvider, ILoggerFactory loggerFactory, SqliteStorageOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options ??= new SqliteStorageOptions();
        options.Validate();
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var logger = loggerFactory.CreateLogger<SqliteStorage>();
        _db = new SqliteDatabase(fullPath, options, logger);
        _migrator = new SqliteMigrator(_db, MigrationCatalog.Sqlite, timeProvider, logger);
        States = new SqliteGrainStateStore(_db);
        Deadlines = new SqliteDeadlineStore(_db);
        Reference = new SqliteReferenceStore(_db);
        Dossiers = new SqliteDossierStore(_db);
        Alerts = new SqliteAlertStore(_db);
        Webhooks = new SqliteWebhookStore(_db);
        Keys = new SqliteApiKeyStore(_db);
        Target = "sqlite:" + fullPath;
        StorageLog.Opened(logger, Target);
    }

    /// <summary>The schema version this binary's migrations produce.</summary>
    public static int LatestSchemaVersion => MigrationCatalog.Sqlite[^1].Version;

    /// <inheritdoc />
    public string Provider => SqliteDatabase.Provider;

    /// <summary>The database file's full path.</summary>
    public string FilePath => _db.FullPath;

    /// <summary>Where this backend points (for logs and diagnostics).</summary>
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
            return await _db.ReadAsync(
                c =>
                {
                    using var cmd = SqliteRows.Create(c, "SELECT count(*) FROM schema_version");
                    return cmd.ExecuteScalar() is long;
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>A PRAGMA's value as the writer connection sees it (for tests of the durability settings).</summary>
    internal Task<object?> WriterPragmaAsync(string name, CancellationToken cancellationToken) =>
        _db.WriteAsync(tx => _db.Statement(tx, "PRAGMA " + name).ExecuteScalar(), cancellationToken);
}
