namespace Typed;

/// <summary>The protocol's transport names.</summary>
public static class TransportNames
{
    public const string WebSocket = "websocket";
    public const string FlashSocket = "flashsocket";
    public const string ServerEvents = "server-events";
    public const string HtmlFile = "htmlfile";
    public const string XhrMultipart = "xhr-multipart";
    public const string XhrPolling = "xhr-polling";

    /// <summary>Every transport, in the order a client prefers them.</summary>
    public static IReadOnlyList<string> All { get; } = [WebSocket, ServerEvents, FlashSocket, HtmlFile, XhrMultipart, XhrPolling];
}
