namespace Typed.Server;

/// <summary>The protocol's transport names.</summary>
public static class TransportNames
{
    public const string WebSocket = "websocket";
    public const string XhrPolling = "xhr-polling";
}
