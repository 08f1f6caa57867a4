namespace SlaGrid.Silo.Demo;

/// <summary>The feeder's log messages.</summary>
internal sealed partial class DemoFeeder
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feeding from {HistoryStart:yyyy-MM-dd HH:mm} at x{Speed}, {PerMinute} dossiers per office minute")]
    private static partial void LogFeeding(ILogger logger, DateTimeOffset historyStart, int speed, double perMinute);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo caught up with simulated time {Now:yyyy-MM-dd HH:mm}: {Dossiers} dossiers ({LeftOut} of the history left out), {Accepted} events accepted, {Rejected} rejected")]
    private static partial void LogCaughtUp(ILogger logger, long dossiers, long leftOut, long accepted, long rejected, DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo at {Now:yyyy-MM-dd HH:mm}: {Dossiers} dossiers ({Late} meant to be late), {Accepted} events accepted, {Rejected} rejected, {Pending} waiting")]
    private static partial void LogProgress(ILogger logger, DateTimeOffset now, long dossiers, long late, long accepted, long rejected, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo closed {Count} dossiers left open by an earlier run (withdrawn)")]
    private static partial void LogRetired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo event {EventId} was rejected: {Code} {Message}")]
    private static partial void LogUnexpectedRejection(ILogger logger, string eventId, string? code, string? message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo batch of {Count} events failed (attempt {Attempt}), retrying in {Delay} of real time: {Error}")]
    private static partial void LogRetrying(ILogger logger, int count, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo feeding stopped after an error it cannot retry; the silo runs on")]
    private static partial void LogFeedingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feeder stopped: {Accepted} events accepted, {Duplicates} duplicates, {Rejected} rejected")]
    private static partial void LogStopped(ILogger logger, long accepted, long duplicates, long rejected);
}
