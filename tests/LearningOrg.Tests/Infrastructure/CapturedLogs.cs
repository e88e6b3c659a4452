using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>A logger provider that keeps every record written through it, for a test to look at.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> records = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Records => [.. records];

    public ILogger CreateLogger(string categoryName) => new Logger(records);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Message)> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue((logLevel, formatter(state, exception)));
    }
}
