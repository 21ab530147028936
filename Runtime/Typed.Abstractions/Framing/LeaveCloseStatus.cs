using System.Net.WebSockets;

namespace Typed.Framing;

/// <summary>
/// The WebSocket close status by which a client says it is done with its session (the leaving
/// extension), from the range that RFC 6455 leaves to applications. Not 1000: servers read a
/// close with no status, which the 2010 client sends, as 1000.
/// </summary>
internal static class LeaveCloseStatus
{
    /// <summary>4000: the client is leaving; the server ends the session at once.</summary>
    public const WebSocketCloseStatus Leaving = (WebSocketCloseStatus)4000;
}
