namespace Typed;

/// <summary>The protocol's transport names.</summary>
public static class TransportNames
{
    /// <summary><c>websocket</c>: a WebSocket, one frame per text message (or per binary one, with a frame codec).</summary>
    public const string WebSocket = "websocket";

    /// <summary><c>flashsocket</c>: the WebSocket protocol over a Flash socket, for browsers without WebSocket.</summary>
    public const string FlashSocket = "flashsocket";

    /// <summary><c>server-events</c>: a kept-open event stream, one event per frame.</summary>
    public const string ServerEvents = "server-events";

    /// <summary><c>htmlfile</c>: the forever iframe, a kept-open HTML page with one script tag per frame.</summary>
    public const string HtmlFile = "htmlfile";

    /// <summary><c>xhr-multipart</c>: a kept-open <c>multipart/x-mixed-replace</c> response, one part per frame.</summary>
    public const string XhrMultipart = "xhr-multipart";

    /// <summary><c>xhr-polling</c>: long polling, one request held open until there is a frame to send.</summary>
    public const string XhrPolling = "xhr-polling";

    /// <summary>Every transport, in the order a client prefers them.</summary>
    public static IReadOnlyList<string> All { get; } = [WebSocket, ServerEvents, FlashSocket, HtmlFile, XhrMultipart, XhrPolling];
}
