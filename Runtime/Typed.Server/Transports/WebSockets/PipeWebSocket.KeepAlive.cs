using Typed.WebSockets;

namespace Typed.Server.Transports.WebSockets;

/// <summary>
/// Whether the peer is still there, for <see cref="WebSocketLiveness"/> to judge from the
/// listener's wheel: when anything (a pong, any frame) last came from the peer, and a ping that
/// goes out right after the next frame written, in the same flush.
/// </summary>
internal sealed partial class PipeWebSocket
{
    private long _lastHeard;
    private volatile bool _pingWanted;

    /// <summary>When a frame last came from the peer (a timestamp of the socket's time provider).</summary>
    public long LastHeard => Volatile.Read(ref _lastHeard);

    /// <summary>The next frame written (a heartbeat, as a rule) carries a ping after it.</summary>
    public void WantPing() => _pingWanted = true;

    private void Heard() => Volatile.Write(ref _lastHeard, _time.GetTimestamp());

    // Called with the send gate held, after a frame is written: the ping wanted follows it, but
    // never a close, after which nothing may be sent.
    private void WritePingIfWanted(Opcode written)
    {
        if (_pingWanted && written != Opcode.Close)
        {
            _pingWanted = false;
            WriteFrame(Opcode.Ping, final: true, ReadOnlySpan<byte>.Empty);
        }
    }
}
