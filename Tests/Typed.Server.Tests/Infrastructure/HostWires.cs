namespace Typed.Server.Tests.Infrastructure;

/// <summary>Hand-spoken clients of a test server.</summary>
public static class HostWires
{
    public static PollingWire Polling(this SocketServerHost server, string? origin = null) => new(server.BaseUri, origin);

    public static Task<WebSocketWire> WebSocketAsync(this SocketServerHost server, string? sessionId = null, string? origin = null) =>
        WebSocketWire.ConnectAsync(server.BaseUri, sessionId, origin);

    /// <summary>A hand-spoken client of the named transport, not yet connected.</summary>
    public static TransportWire Wire(this SocketServerHost server, string transport, string? origin = null) => transport switch
    {
        TransportNames.WebSocket or TransportNames.FlashSocket => new WebSocketWire(server.BaseUri, transport, origin),
        TransportNames.XhrPolling => new PollingWire(server.BaseUri, origin),
        _ => new StreamingWire(server.BaseUri, transport, origin),
    };
}
