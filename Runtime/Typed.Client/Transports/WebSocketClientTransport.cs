using System.Net;
using System.Net.WebSockets;
using Typed.Buffers;
using Typed.Client.Transports.WebSockets;
using Typed.Framing;

namespace Typed.Client.Transports;

/// <summary>
/// <c>websocket</c>: one RFC 6455 connection through the socket's HTTP handler (so proxies,
/// certificates and cookies apply), one server frame per text message, payloads the other way.
/// </summary>
internal class WebSocketClientTransport(TransportContext context, IFrameSink sink) : ClientTransport(context, sink)
{
    private WebSocketConnection? _connection;

    public override string Name => TransportNames.WebSocket;

    public override async Task OpenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        WebSocketConnection connection;
        try
        {
            connection = await WebSocketUpgrade.ConnectAsync(Context.Downstream(Name, sessionId, Sink.CurrentAck, webSocket: true), Context.Invoker, Context.Headers(), cancellationToken);
        }
        catch (HttpRequestException refused) when (sessionId is not null && refused.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SessionExpiredException(sessionId);
        }

        _connection = connection;
        _ = ReceiveAsync(connection);
    }

    /// <remarks>The socket's writing gate makes this one payload at a time.</remarks>
    public override ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transport is not open.");
        var sending = Context.Options.FrameCodec is { } codec
            ? connection.SendAsync(codec.Encode(payload.Span), WebSocketMessageType.Binary)
            : connection.SendAsync(payload, WebSocketMessageType.Text);
        if (!sending.IsCompletedSuccessfully)
        {
            return AfterSendAsync(sending);
        }

        sending.GetAwaiter().GetResult();
        return default;
    }

    /// <summary>
    /// A close with <see cref="LeaveCloseStatus.Leaving"/> tells the server that the session is over;
    /// the server's answer to it (the connection's end) says that it has heard.
    /// </summary>
    public override async Task LeaveAsync(string sessionId)
    {
        if (_connection is { CanSend: true } connection)
        {
            await connection.CloseOutputAsync(LeaveCloseStatus.Leaving, "leaving").AsTask().WaitAsync(Context.Options.RequestTimeout);
            await Completion.WaitAsync(Context.Options.RequestTimeout);
        }
    }

    /// <summary>
    /// Closes with 1001 (going away), which leaves the session waiting for a reconnection: only
    /// <see cref="LeaveAsync"/> ends it.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (_connection is { CanSend: true } connection)
        {
            try
            {
                await connection.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "reconnecting").AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or TimeoutException)
            {
                // Closing a connection that is already gone.
            }
        }

        await base.DisposeAsync();
        _connection?.Dispose();
    }

    private static async ValueTask<long?> AfterSendAsync(ValueTask sending)
    {
        await sending;
        return null;
    }

    private async Task ReceiveAsync(WebSocketConnection connection)
    {
        using var message = new PooledBufferWriter();

        // Stopping ends a read in progress by aborting the connection.
        using var abortOnStop = Stopping.UnsafeRegister(static state => ((WebSocketConnection)state!).Abort(), connection);
        try
        {
            while (true)
            {
                message.Clear();
                var type = await connection.ReceiveAsync(message);
                Heard();
                if (type == WebSocketMessageType.Close)
                {
                    Complete(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the socket."));
                    return;
                }

                // Messages keep slices of the frame, so it gets an array of its own.
                Sink.OnFrame(type == WebSocketMessageType.Binary && Context.Options.FrameCodec is { } codec
                    ? codec.Decode(message.WrittenSpan)
                    : message.ToArray());
            }
        }
        catch (Exception e)
        {
            Complete(e);
        }
    }
}
