using Typed.Server.Logging;

namespace Typed.Server;

public sealed partial class Listener
{
    // How often stopping looks again at the sessions still writing: stopping is rare, a look is cheap.
    private static readonly TimeSpan FlushCheckInterval = TimeSpan.FromMilliseconds(10);

    private volatile bool _stopping;

    /// <summary>Set once the server is stopping: no new session is opened from then on.</summary>
    public bool IsStopping => _stopping;

    /// <summary>
    /// Stops as an application should: no new sessions, what every session has queued written to
    /// its connection (for at most <see cref="SocketServerOptions.ShutdownFlushTimeout"/>, or until
    /// <paramref name="cancellationToken"/> is cancelled), then every session ended as
    /// <see cref="DisconnectReason.Shutdown"/>, which closes their connections.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        using var timeout = new CancellationTokenSource(Options.ShutdownFlushTimeout, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            while (_sessions.Values.Any(session => !session.IsFlushed))
            {
                await Task.Delay(FlushCheckInterval, Time, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is left is lost with the sessions, as it would be without the wait.
        }

        var unflushed = _sessions.Values.Count(session => !session.IsFlushed);
        Log.Stopping(_logger, _sessions.Count - unflushed, unflushed);
        DisconnectAll();

        // The sessions' disconnected hooks (saving state, say) get the rest of the flush time.
        await _runningHooks.WhenAllAsync().WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
