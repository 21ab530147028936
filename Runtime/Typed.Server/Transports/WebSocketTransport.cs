using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Typed.Buffers;
using Typed.Framing;
using Typed.Server.Logging;
using Typed.Server.Sessions;
using Typed.Server.Transports.WebSockets;

namespace Typed.Server.Transports;

/// <summary>
/// <c>websocket</c>: an RFC 6455 connection carrying one server frame per text message, and the
/// client's payload arrays the other way. A silent client is never closed for being silent (the
/// 2010 client sends nothing while idle); WebSocket pings find dead peers instead
/// (<see cref="WebSocketLiveness"/>, on the listener's wheel).
/// </summary>
internal sealed class WebSocketTransport(string name = TransportNames.WebSocket) : IServerTransport
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public string Name { get; } = name;

    public ResolvedTransportOptions Defaults(SocketServerOptions options) =>
        new(CloseTimeout: options.Timeout, HeartbeatInterval: TimeSpan.FromSeconds(10), Duration: Timeout.InfiniteTimeSpan);

    public async Task HandleAsync(DownstreamRequest request)
    {
        var context = request.Context;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            Log.RequestRefused(request.Logger, context.Request.Method, context.Request.Path, "not a WebSocket upgrade");
            await Http.HttpResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The websocket transport needs a WebSocket upgrade.");
            return;
        }

        // A .NET peer may ask for a binary codec for this connection; browsers keep JSON text.
        Framing.IFrameCodec? codec = null;
        if (context.Request.Query["codec"] is { Count: > 0 } asked && !request.Codecs.TryGetValue(asked.ToString(), out codec))
        {
            Log.RequestRefused(request.Logger, context.Request.Method, context.Request.Path, "unknown codec " + asked);
            await Http.HttpResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The server does not offer that codec.");
            return;
        }

        var session = request.OpenSession();
        using var socket = await AcceptAsync(context, request);
        var liveness = socket is PipeWebSocket ours && request.Options.HeartbeatInterval != Timeout.InfiniteTimeSpan
            ? new WebSocketLiveness(ours, request.Listener.Time, request.Options.HeartbeatInterval, request.Logger, session.SessionId)
            : null;
        using var downstream = request.Attach(session);
        if (downstream is null)
        {
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "session over");
            return;
        }

        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, downstream.Superseded);
        using var reader = new WebSocketReader(socket, request, session, codec);
        var receiving = reader.RunAsync(stopReceiving.Token);
        var sending = SendAsync(socket, request, downstream, codec, liveness, stopSending.Token);

        var first = await Task.WhenAny(receiving, sending);
        var reason = await first;
        Log.DownstreamEnded(request.Logger, session.SessionId, reason.Description);
        await CloseAsync(socket, reason.Status, reason.Description);
        await stopSending.CancelAsync();

        // Give the peer a moment to answer the close: aborting at once would reset the
        // connection, and a reset can discard the close frame before the peer reads it.
        await Task.WhenAny(receiving, Task.Delay(CloseHandshakeTimeout, request.Listener.Time));
        await stopReceiving.CancelAsync();
        await Task.WhenAll(receiving, sending);
    }

    /// <summary>
    /// Our own RFC 6455 end on Kestrel's pipes where the request is an HTTP/1.1 upgrade (see
    /// <see cref="PipeWebSocket"/>), watched by <see cref="WebSocketLiveness"/> from the
    /// listener's wheel; the framework's WebSocket elsewhere (an in-memory test host, WebSockets
    /// over HTTP/2), whose own keep-alive pings as often and gives a peer as long.
    /// </summary>
    private static async Task<WebSocket> AcceptAsync(HttpContext context, DownstreamRequest request) =>
        PipeWebSocketAccept.CanAccept(context)
            ? await PipeWebSocketAccept.AcceptAsync(context, request.Listener.Time)
            : await context.WebSockets.AcceptWebSocketAsync(AcceptContext(request.Options));

    private static WebSocketAcceptContext AcceptContext(ResolvedTransportOptions options)
    {
        var accept = new WebSocketAcceptContext { KeepAliveInterval = options.HeartbeatInterval };
#if NET9_0_OR_GREATER
        if (options.HeartbeatInterval != Timeout.InfiniteTimeSpan)
        {
            var (pingAfter, goneAfter) = WebSocketLiveness.Thresholds(options.HeartbeatInterval);
            accept.KeepAliveInterval = pingAfter;
            accept.KeepAliveTimeout = goneAfter - pingAfter;
        }
#endif
        return accept;
    }

    private static async Task<WebSocketEndReason> SendAsync(WebSocket socket, DownstreamRequest request, Downstream downstream, Framing.IFrameCodec? codec, WebSocketLiveness? liveness, CancellationToken cancellationToken)
    {
        using var writer = new WebSocketWriter(socket, codec, cancellationToken);
        try
        {
            await DownstreamPump.RunAsync(
                downstream,
                (frame, _) => writer.WriteAsync(frame),
                _ => writer.WriteAsync(Heartbeat.Frame),
                request.Options.HeartbeatInterval,
                request.Listener.Timers,
                cancellationToken,
                liveness);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // Told apart below: superseded, or the connection is gone.
        }

        if (!downstream.Superseded.IsCancellationRequested)
        {
            return WebSocketEndReason.Gone;
        }

        var session = downstream.Session;
        return session.IsEnded ? WebSocketEndReason.SessionOver
            : session.AuthenticationExpired ? WebSocketEndReason.AuthenticationExpired
            : WebSocketEndReason.Replaced;
    }

    /// <summary>
    /// A close the client started with <see cref="LeaveCloseStatus.Leaving"/> says it is done with
    /// the session (the protocol's leaving extension). Any other close, and the client's answer to
    /// a close of ours, leaves the session waiting for a reconnection, as in 2010: a close with no
    /// status (the original client's <c>ws.close()</c>) reads as 1000 here, so 1000 cannot say it.
    /// </summary>
    internal static bool IsLeave(WebSocket socket) =>
        socket.State == WebSocketState.CloseReceived && socket.CloseStatus == LeaveCloseStatus.Leaving;

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
        try
        {
            await socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The peer is gone; there is no one to tell.
        }
    }
}
