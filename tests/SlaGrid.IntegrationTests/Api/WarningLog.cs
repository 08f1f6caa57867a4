using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SlaGrid.IntegrationTests.Api;

/// <summary>A logger provider that keeps every warning and error the silo logs (category, message).</summary>
public sealed class WarningLog : ILoggerProvider
{
    /// <summary>What was logged at Warning or above.</summary>
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(WarningLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message)));
            }
        }
    }
}
