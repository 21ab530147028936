using Microsoft.Extensions.Logging;
using Typed.Server.Logging;
using Typed.Server.Transports.WebSockets;

namespace Typed.Server.Transports;

/// <summary>
/// Whether a WebSocket's peer is still there, looked at each time a heartbeat is due (at least
/// once an interval, on the listener's wheel). A peer heard from lately (a message, a pong, any
/// frame) is; one silent for one and a half intervals gets a ping, after a heartbeat written at
/// once; one silent for four intervals, and at least <see cref="PongPatience"/> past its first
/// ping, is gone, and its connection is aborted. Browsers and every RFC 6455 end answer pings by
/// themselves, so the 2010 client, which sends nothing while idle and never answers a heartbeat,
/// is never taken for gone.
/// </summary>
/// <remarks>
/// A keep-alive timer per connection, ticking once or more an interval, was most of what an idle
/// server spent: here a connection costs nothing beyond its heartbeat's timer on the wheel, and a
/// ping every other interval, in the same flush as a heartbeat that goes out anyway.
/// </remarks>
internal sealed class WebSocketLiveness : IPeerWatch
{
    /// <summary>A pong later than this is a busy peer, not a dead one.</summary>
    public static readonly TimeSpan PongPatience = TimeSpan.FromSeconds(5);

    private const double PingAfterBeats = 1.5;
    private const double GoneAfterBeats = 4;

    private readonly PipeWebSocket _socket;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pingAfter;
    private readonly TimeSpan _goneAfter;
    private readonly ILogger _logger;
    private readonly string _sessionId;

    public WebSocketLiveness(PipeWebSocket socket, TimeProvider time, TimeSpan interval, ILogger logger, string sessionId)
    {
        _socket = socket;
        _time = time;
        (_pingAfter, _goneAfter) = Thresholds(interval);
        _logger = logger;
        _sessionId = sessionId;
    }

    /// <summary>
    /// How long a peer is silent before it gets a ping, and before it is gone: the first ping,
    /// sent up to an interval after the first threshold, has at least <see cref="PongPatience"/>.
    /// </summary>
    public static (TimeSpan PingAfter, TimeSpan GoneAfter) Thresholds(TimeSpan interval)
    {
        var pingAfter = interval * PingAfterBeats;
        var gone = interval * GoneAfterBeats;
        var patient = pingAfter + interval + PongPatience;
        return (pingAfter, gone > patient ? gone : patient);
    }

    /// <summary>On the wheel's tick: a silent peer gets a ping with this heartbeat, one silent too long is dropped.</summary>
    public PeerState Look()
    {
        var silent = _time.GetElapsedTime(_socket.LastHeard);
        if (silent >= _goneAfter)
        {
            Log.PeerSilent(_logger, _sessionId, silent.TotalSeconds);
            ThreadPool.UnsafeQueueUserWorkItem(static socket => socket.Abort(), _socket, preferLocal: false);
            return PeerState.Gone;
        }

        if (silent >= _pingAfter)
        {
            _socket.WantPing();
            return PeerState.Silent;
        }

        return PeerState.Answering;
    }
}
