namespace Typed.Server.Transports.WebSockets;

/// <summary>
/// Whether the peer is still there: a ping when it has been quiet for an interval, and the
/// connection aborted when nothing at all (a pong, any frame) has come for the timeout after it.
/// </summary>
internal sealed partial class PipeWebSocket
{
    private long _lastHeard;
    private ITimer? _keepAlive;

    /// <summary>When a frame last came from the peer (a timestamp of the socket's time provider).</summary>
    public long LastHeard => Volatile.Read(ref _lastHeard);

    /// <summary>Pings a quiet peer every <paramref name="interval"/>; aborts one silent for <paramref name="timeout"/> past a ping.</summary>
    public void StartKeepAlive(TimeSpan interval, TimeSpan timeout)
    {
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        long pingedAt = 0;
        _keepAlive = _time.CreateTimer(
            _ =>
            {
                var now = _time.GetTimestamp();
                var quiet = _time.GetElapsedTime(LastHeard, now);
                if (pingedAt != 0 && LastHeard < pingedAt && _time.GetElapsedTime(pingedAt, now) >= timeout)
                {
                    Abort();
                    return;
                }

                if (quiet >= interval && (pingedAt == 0 || LastHeard >= pingedAt))
                {
                    pingedAt = now;
                    _ = PingQuietlyAsync();
                }
            },
            null,
            interval,
            interval);
    }

    private void Heard() => Volatile.Write(ref _lastHeard, _time.GetTimestamp());

    private void StopKeepAlive() => _keepAlive?.Dispose();

    private async Task PingQuietlyAsync()
    {
        try
        {
            await PingAsync();
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // Gone, or closing: the reader finds out.
        }
    }
}
