namespace Typed.Client;

/// <summary>The protocol's transport names, in the order a client prefers them.</summary>
public static class ClientTransportNames
{
    public const string WebSocket = "websocket";
    public const string ServerEvents = "server-events";
    public const string FlashSocket = "flashsocket";
    public const string HtmlFile = "htmlfile";
    public const string XhrMultipart = "xhr-multipart";
    public const string XhrPolling = "xhr-polling";

    public static IReadOnlyList<string> All { get; } = [WebSocket, ServerEvents, FlashSocket, HtmlFile, XhrMultipart, XhrPolling];
}
