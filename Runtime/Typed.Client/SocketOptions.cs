using Microsoft.Extensions.Logging;

namespace Typed.Client;

/// <summary>
/// How a <see cref="Socket"/> connects: the 2010 client's options (<c>port</c>, <c>resource</c>,
/// <c>transports</c>, <c>transportOptions</c>, <c>rememberTransport</c>) and what a .NET client
/// on a real network needs besides (its own HTTP handler, reconnection, acknowledged delivery).
/// </summary>
public sealed class SocketOptions
{
    /// <summary>The server's port; null takes the port of the server's <see cref="Uri"/>.</summary>
    public int? Port { get; set; }

    /// <summary>The path segment the server serves the protocol under.</summary>
    public string Resource { get; set; } = "socket.io";

    /// <summary>The transports to try, in order of preference.</summary>
    public IList<string> Transports { get; set; } = [.. TransportNames.All];

    /// <summary>Per-transport settings, keyed by transport name.</summary>
    public IDictionary<string, ClientTransportOptions> TransportOptions { get; } =
        new Dictionary<string, ClientTransportOptions>(StringComparer.Ordinal);

    /// <summary>Try the transport that worked last time first (the 2010 client kept it in a cookie).</summary>
    public bool RememberTransport { get; set; } = true;

    /// <summary>Where the transport that worked is remembered; by default, for the life of the process.</summary>
    public ITransportMemory TransportMemory { get; set; } = Client.TransportMemory.Shared;

    /// <summary>
    /// The handler every HTTP request and WebSocket upgrade goes through: proxies, certificates,
    /// cookies, authentication. Null uses a default <see cref="System.Net.Http.SocketsHttpHandler"/>.
    /// The socket does not dispose a handler it was given.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Where the socket gets a bearer token for the server (an OAuth access token, a JWT), as
    /// SignalR's <c>AccessTokenProvider</c>: asked once before <see cref="Socket.ConnectAsync"/>
    /// opens a session, and again before every reconnection attempt (a reattachment as well as a
    /// new session), so that a token renewed meanwhile continues the same session. The token goes
    /// as <c>Authorization: Bearer ...</c> on every HTTP request of every transport (polls,
    /// streams, <c>POST .../send</c> and <c>.../leave</c>) and on every WebSocket upgrade, in place
    /// of an <c>Authorization</c> header in <see cref="Headers"/>; a null or empty token sends none.
    /// A provider that throws fails that attempt: <see cref="Socket.ConnectAsync"/> throws its
    /// exception, a reconnection tries again later. Null asks for nothing.
    /// </summary>
    /// <remarks>
    /// A server that refuses the token (401 or 403) fails <see cref="Socket.ConnectAsync"/> with a
    /// <see cref="SocketConnectException"/> whose <see cref="SocketConnectException.StatusCode"/>
    /// says so, and ends a reconnecting socket with <see cref="DisconnectReason.AccessDenied"/>.
    /// Cookies need no provider: they flow through <see cref="HttpMessageHandler"/>'s cookie container.
    /// </remarks>
    public Func<Task<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Headers added to every request and upgrade (authentication, for example).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one transport may take to deliver the handshake before the next is tried.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect on its own when the connection drops, reusing the session while the server holds it.</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary>The first wait before reconnecting; it doubles on each failure, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two reconnection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many reconnection attempts in a row before the socket gives up; null never gives up.</summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>
    /// Ask the server for acknowledged delivery (numbered messages, acknowledged both ways), so that
    /// nothing is lost or delivered twice across reconnections. A server that does not offer it is
    /// spoken to as in 2010.
    /// </summary>
    public bool AcknowledgedDelivery { get; set; } = true;

    /// <summary>
    /// Send a failed handler's exception message to the server that asked, whatever the exception.
    /// Off by default: the server then reads only an <see cref="Typed.Events.EventException"/>'s
    /// message, and "An error occurred while handling 'Event'." for any other.
    /// </summary>
    public bool DetailedErrors { get; set; }

    /// <summary>
    /// How long received messages may go unacknowledged while nothing else is sent; once 64 KiB of
    /// frames are owed the acknowledgement goes at once. A client that only listens sends one
    /// acknowledgement per delay rather than one per message (SignalR's stateful reconnect
    /// acknowledges once a second too); a server whose <c>MaxQueuedBytes</c> is below 64 KiB wants
    /// a shorter delay.
    /// </summary>
    public TimeSpan AckDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The port of the Flash socket policy that the <c>flashsocket</c> transport asks first.</summary>
    public int FlashPolicyPort { get; set; } = 843;

    /// <summary>
    /// A binary codec for WebSocket connections (MessagePack, from <c>Typed.MessagePack</c>), asked of
    /// the server with each connection; null keeps JSON text frames. HTTP transports always use JSON.
    /// </summary>
    public Typed.Framing.IFrameCodec? FrameCodec { get; set; }

    /// <summary>
    /// The longest the downstream may stay silent before the socket takes the connection for dead
    /// and replaces it: a connection can die without closing (a dropped route, a proxy that hangs,
    /// a poll accepted and never answered). With acknowledged delivery the server's handshake says
    /// how long a live downstream stays silent at most (its heartbeat interval, or an idle poll's
    /// duration), and the socket waits that long and a margin (a fifth of it, at least 2 s) when
    /// that is shorter than this; a server that does not say is waited for this long.
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How long an upload (<c>POST .../send</c> of the HTTP transports), which the server answers
    /// at once, may go unanswered before it is given up and the connection replaced; a large
    /// payload is allowed a second more per 64 KiB. With acknowledged delivery what it carried
    /// goes again on the new connection, and the server drops what it already has.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an event sent to the server waits for its answer.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the socket logs failed transports and reconnections, ignored frames and handlers that threw; null logs nothing.</summary>
    public ILogger? Logger { get; set; }

    internal ClientTransportOptions For(string transport) =>
        TransportOptions.TryGetValue(transport, out var options) ? options : ClientTransportOptions.Default;
}
