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

    /// <summary>The first line, written already or to come, that holds <paramref name="fragment"/>.</summary>
    public async Task<LogEntry> WaitForAsync(string fragment)
    {
        var written = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(LogEntry entry)
        {
            if (entry.Message.Contains(fragment, StringComparison.Ordinal))
            {
                written.TrySetResult(entry);
            }
        }

        Added += Check;
        try
        {
            foreach (var entry in _entries)
            {
                Check(entry);
            }

            return await written.Task.Within();
        }
        finally
        {
            Added -= Check;
        }
    }

    private event Action<LogEntry>? Added;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        Added?.Invoke(entry);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}
