using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SlaGrid.Storage;

/// <summary>Classifies database errors: which mean "the store is unavailable for now" and which are worth an immediate retry.</summary>
internal static class TransientErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteProtocol = 15;

    /// <summary>
    /// True for failures that say nothing about the request and pass with time: connection refused or broken,
    /// server shutting down or starting, too many connections, disk full, database locked by another process.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
            || pg.SqlState.StartsWith("57P0", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
            || pg.SqlState.StartsWith("58", StringComparison.Ordinal), // system error (I/O)
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen or SqliteProtocol,
        SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>True for a PostgreSQL serialization failure or deadlock: the transaction can simply be run again.</summary>
    public static bool IsRetryableConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>The exception callers see for an unavailable store; never includes connection-string secrets.</summary>
    public static StorageUnavailableException ToUnavailable(string provider, Exception exception) =>
        exception as StorageUnavailableException
        ?? new StorageUnavailableException($"The {provider} store is unavailable: {Describe(exception)}", exception);

    private static string Describe(Exception exception) => exception switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}: {sqlite.Message}",
        _ when exception.InnerException is SocketException socket => $"{exception.Message} ({socket.SocketErrorCode})",
        _ => exception.Message,
    };
}
