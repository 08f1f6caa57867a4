using Microsoft.Extensions.Logging;

namespace SlaGrid.Storage;

/// <summary>The storage's log messages (source-generated).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Storage opened: {Target}")]
    public static partial void Opened(ILogger logger, string target);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Provider} schema migrated from version {From} to {To}")]
    public static partial void Migrated(ILogger logger, string provider, int from, int to);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "{Provider} schema is up to date at version {Version}")]
    public static partial void SchemaUpToDate(ILogger logger, string provider, int version);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Provider} migration {Version} ({Name}) differs from the script that was applied; migrations must never be edited once shipped (add a new one)")]
    public static partial void MigrationChanged(ILogger logger, string provider, int version, string name);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "SQLite journal mode is '{Mode}', not WAL; readers will block the writer")]
    public static partial void NotWal(ILogger logger, string mode);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "A group of {Count} commits failed ({Reason}); retrying its members so that only the offender fails")]
    public static partial void GroupIsolating(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "A group of {Count} commits failed: the store is unavailable")]
    public static partial void GroupUnavailable(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "A group of {Count} commits hit a serialization failure or deadlock; retrying it (attempt {Attempt})")]
    public static partial void GroupConflictRetry(ILogger logger, int count, int attempt);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "The group committer's loop failed")]
    public static partial void CommitterLoopFailed(ILogger logger, Exception exception);
}
