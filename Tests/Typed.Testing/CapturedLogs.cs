using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Typed.Testing;

/// <summary>Keeps every log line a test server writes, so tests can assert what was (not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => [.. _entries];

    /// <summary>Lines at Error or above: an unhandled exception in a request is logged this way by Kestrel.</summary>
    public IReadOnlyCollection<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public bool Contains(string fragment) => _entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}
