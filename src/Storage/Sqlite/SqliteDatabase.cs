using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SlaGrid.Storage.Sqlite;

/// <summary>
/// The SQLite connections: one long-lived writer connection, used by one transaction at a time (a
/// <see cref="SemaphoreSlim"/>; SQLite allows one writer), with its statements prepared once and reused; and
/// pooled reader connections that WAL lets read while the writer writes. Every connection runs in WAL mode;
/// the writer with <c>synchronous=FULL</c>, so a committed transaction survives a power loss.
/// Errors that mean "locked or unreachable for now" become <see cref="StorageUnavailableException"/>.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    public const string Provider = "sqlite";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly int _busyTimeoutMs;
    private readonly ILogger _logger;
    private SqliteConnection? _writer;
    private bool _disposed;

    public SqliteDatabase(string path, SqliteStorageOptions options, ILogger logger)
    {
        _logger = logger;
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
            Pooling = false,
        };
        _writerConnectionString = builder.ConnectionString;
        builder.Pooling = true;
        _readerConnectionString = builder.ConnectionString;
        FullPath = path;
    }

    public string FullPath { get; }

    /// <summary>Runs <paramref name="work"/> in one write transaction (<c>BEGIN IMMEDIATE</c>) and commits it; throwing rolls it back.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            var writer = OpenWriter();
            using var transaction = writer.BeginTransaction(deferred: false);
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch (Exception ex) when (TransientErrors.IsUnavailable(ex))
        {
            CloseWriter();
            throw TransientErrors.ToUnavailable(Provider, ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>As <see cref="WriteAsync{T}"/> without a result.</summary>
    public Task WriteAsync(Action<SqliteTransaction> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(
            tx =>
            {
                work(tx);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// The writer's prepared statement for <paramref name="sql"/>, bound to <paramref name="transaction"/>, with its
    /// parameters cleared. Only valid inside <see cref="WriteAsync{T}"/>.
    /// </summary>
    public SqliteCommand Statement(SqliteTransaction transaction, string sql)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _writer!.CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs <paramref name="work"/> on a pooled reader connection.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            using var connection = OpenReader();
            return Task.FromResult(work(connection));
        }
        catch (Exception ex) when (TransientErrors.IsUnavailable(ex))
        {
            throw TransientErrors.ToUnavailable(Provider, ex);
        }
    }

    /// <summary>Opens a reader connection the caller disposes (for streaming).</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_writer is not null)
            {
                try
                {
                    using var optimize = _writer.CreateCommand();
                    optimize.CommandText = "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);";
                    optimize.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // Best effort: the WAL is checkpointed on the next open anyway.
                }
            }

            CloseWriter();
            using (var probe = new SqliteConnection(_readerConnectionString))
            {
                SqliteConnection.ClearPool(probe);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private SqliteConnection OpenWriter()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var writer = new SqliteConnection(_writerConnectionString);
        try
        {
            writer.Open();
            using var pragma = writer.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = pragma.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                StorageLog.NotWal(_logger, mode ?? "(unknown)");
            }

            pragma.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        _writer = writer;
        return writer;
    }

    private void CloseWriter()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _statements.Clear();
        _writer?.Dispose();
        _writer = null;
    }
}
