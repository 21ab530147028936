using System.Net;
using System.Net.WebSockets;
using Typed.Buffers;

namespace Typed.Client.Transports;

/// <summary>
/// <c>websocket</c>: one RFC 6455 connection through the socket's HTTP handler (so proxies,
/// certificates and cookies apply), one server frame per text message, payloads the other way.
/// </summary>
internal class WebSocketClientTransport(TransportContext context, IFrameSink sink) : ClientTransport(context, sink)
{
    private ClientWebSocket? _socket;

    public override string Name => TransportNames.WebSocket;

    public override async Task OpenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var (name, value) in Context.Options.Headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            await socket.ConnectAsync(Context.Downstream(Name, sessionId, Sink.CurrentAck, webSocket: true), Context.Invoker, cancellationToken);
        }
        catch (WebSocketException) when (sessionId is not null && socket.HttpStatusCode == HttpStatusCode.NotFound)
        {
            socket.Dispose();
            throw new SessionExpiredException(sessionId);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _ = ReceiveAsync(socket);
    }

    /// <remarks>
    /// The socket's writing gate makes this one write at a time. No token goes to the WebSocket,
    /// which would otherwise take its slower path and register with it per message.
    /// </remarks>
    public override ValueTask<long?> SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("The transport is not open.");
        cancellationToken.ThrowIfCancellationRequested();
        var codec = Context.Options.FrameCodec;
        var sending = codec is null
            ? socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            : socket.SendAsync(new ReadOnlyMemory<byte>(codec.Encode(payload.Span)), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        if (!sending.IsCompletedSuccessfully)
        {
            return AfterSendAsync(sending);
        }

        sending.GetAwaiter().GetResult();
        return default;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_socket is { State: WebSocketState.Open } socket)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing a connection that is already gone.
            }
        }

        await base.DisposeAsync();
        _socket?.Abort();
        _socket?.Dispose();
    }

    private static async ValueTask<long?> AfterSendAsync(ValueTask sending)
    {
        await sending;
        return null;
    }

    private async Task ReceiveAsync(ClientWebSocket socket)
    {
        using var message = new PooledBufferWriter();

        // Reads take no token, which would cost a registration per message: stopping aborts the
        // socket instead, which is what the WebSocket does when a read is cancelled.
        using var abortOnStop = Stopping.UnsafeRegister(static state => ((ClientWebSocket)state!).Abort(), socket);
        try
        {
            while (true)
            {
                message.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(message.GetMemory(16 * 1024), CancellationToken.None);
                    message.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Complete(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the socket."));
                    return;
                }

                // Messages keep slices of the frame, so it gets an array of its own.
                Sink.OnFrame(result.MessageType == WebSocketMessageType.Binary && Context.Options.FrameCodec is { } codec
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
