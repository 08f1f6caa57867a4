using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>A logger provider that keeps warnings and errors of an in-process silo, for failure messages and counts.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>What was logged at warning or above, oldest first.</summary>
    public IReadOnlyList<string> Entries => [.. _entries];

    /// <summary>The last <paramref name="count"/> entries, one per line.</summary>
    public string Tail(int count = 40) => string.Join("\n", Entries.TakeLast(count));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || owner._entries.Count > 10_000)
            {
                return;
            }

            var error = exception is null ? string.Empty : $" [{exception.GetType().Name}: {exception.Message}]";
            owner._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{error}");
        }
    }
}
