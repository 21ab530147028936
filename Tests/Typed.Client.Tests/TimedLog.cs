using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Typed.Client.Tests;

/// <summary>
/// What a socket logged, and what the test noted, each line with the seconds since the log was
/// made: shown by a test that fails on timing, to tell which request hung and what the client did.
/// </summary>
internal sealed class TimedLog : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyCollection<string> Lines => [.. _lines];

    /// <summary>Options with the library's own timing (reconnection, timeouts, silence): only the transport is chosen.</summary>
    public static SocketOptions DefaultTiming(string transport, SocketServerHost server, ILogger? logger = null) => new()
    {
        Transports = [transport],
        RememberTransport = false,
        FlashPolicyPort = server.FlashPolicyEndPoint!.Port,
        Logger = logger,
    };

    public void Note(string line) => _lines.Enqueue($"{_clock.Elapsed.TotalSeconds,7:F2} s  test: {line}");

    public void WriteTo(Xunit.Abstractions.ITestOutputHelper output, int last = int.MaxValue)
    {
        var lines = Lines;
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - last)))
        {
            output.WriteLine(line);
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var reason = exception is null ? string.Empty : $" ({Reasons(exception)})";
        _lines.Enqueue($"{_clock.Elapsed.TotalSeconds,7:F2} s  {logLevel}: {formatter(state, exception)}{reason}");
    }

    private static string Reasons(Exception exception)
    {
        var reasons = new List<string>();
        for (var e = exception; e is not null && reasons.Count < 3; e = e.InnerException)
        {
            reasons.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(" <- ", reasons);
    }
}
