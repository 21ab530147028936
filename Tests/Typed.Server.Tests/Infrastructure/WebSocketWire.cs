using System.Net;
using System.Net.WebSockets;
using Typed.Buffers;
using Typed.Framing;

namespace Typed.Server.Tests.Infrastructure;

/// <summary>The websocket side of the protocol spoken by hand over a real <see cref="ClientWebSocket"/>.</summary>
public sealed class WebSocketWire : TransportWire
{
    private readonly Uri _baseUri;
    private readonly string? _origin;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private ClientWebSocket _socket;

    public WebSocketWire(Uri baseUri, string transport = TransportNames.WebSocket, string? origin = null)
    {
        _baseUri = baseUri;
        _origin = origin;
        Transport = transport;
        _socket = NewSocket(origin);
    }

    public override string Transport { get; }

    public WebSocket Socket => _socket;

    /// <summary>Every frame received so far, heartbeats included, as raw bytes.</summary>
    public List<byte[]> Frames { get; } = [];

    public static async Task<WebSocketWire> ConnectAsync(Uri baseUri, string? sessionId = null, string? origin = null, string query = "")
    {
        var wire = new WebSocketWire(baseUri, origin: origin) { SessionId = sessionId ?? string.Empty };
        await wire._socket.ConnectAsync(new Uri(SocketUri(baseUri, wire.Transport, sessionId) + query), CancellationToken.None).Within();
        return wire;
    }

    /// <summary>Tries to connect and returns the HTTP status of a refused upgrade (101 when it was accepted).</summary>
    public static async Task<HttpStatusCode> TryConnectAsync(Uri baseUri, string? sessionId = null, string? origin = null, string transport = TransportNames.WebSocket, Dictionary<string, string>? headers = null)
    {
        using var socket = NewSocket(origin, headers);
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(SocketUri(baseUri, transport, sessionId), CancellationToken.None).Within();
            socket.Abort();
        }
        catch (WebSocketException)
        {
        }

        return socket.HttpStatusCode;
    }

    public override async Task<IReadOnlyList<Message>> OpenAsync()
    {
        await ConnectSocketAsync(null);
        return await HandshakeAsync();
    }

    public override async Task DropAsync()
    {
        await DisposeAsync();
        Pending.Clear();
    }

    public override Task ReattachAsync()
    {
        _socket = NewSocket(_origin, _headers);
        return ConnectSocketAsync(SessionId);
    }

    public override async Task ExpectHeartbeatAsync()
    {
        while (true)
        {
            var frame = await ReceiveRawAsync() ?? throw new WebSocketException("The server closed the socket.");
            if (Heartbeat.IsHeartbeat(frame))
            {
                return;
            }

            foreach (var message in ServerFrame.Parse(frame))
            {
                Pending.Enqueue(message);
            }
        }
    }

    private Task ConnectSocketAsync(string? sessionId) =>
        _socket.ConnectAsync(SocketUri(_baseUri, Transport, sessionId), CancellationToken.None).Within();

    /// <summary>Reads the handshake, which must come first; returns the messages that followed it in its frame.</summary>
    public async Task<IReadOnlyList<Message>> HandshakeAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.NotEmpty(frame);
        Assert.True(Handshake.TryReadSessionId(frame[0], out var sessionId), "the first message is the handshake");
        SessionId = sessionId;
        return [.. frame.Skip(1)];
    }

    /// <summary>The next frame that carries messages (heartbeats are skipped), as its messages.</summary>
    public override async Task<IReadOnlyList<Message>> ReceiveFrameAsync()
    {
        while (true)
        {
            var bytes = await ReceiveRawAsync();
            if (bytes is null)
            {
                throw new WebSocketException("The server closed the socket.");
            }

            if (!Heartbeat.IsHeartbeat(bytes))
            {
                return ServerFrame.Parse(bytes);
            }
        }
    }

    /// <summary>The next frame's bytes, or null once the server has closed.</summary>
    public async Task<byte[]?> ReceiveRawAsync()
    {
        using var buffer = new PooledBufferWriter();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.GetMemory(16 * 1024), CancellationToken.None).AsTask().Within();
            buffer.Advance(result.Count);
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        var bytes = buffer.ToArray();
        Frames.Add(bytes);
        return bytes;
    }

    /// <summary>Reads until the server closes, answers its close (with 1000 unless told), and returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(WebSocketCloseStatus answer = WebSocketCloseStatus.NormalClosure) =>
        await WaitForCloseUnboundedAsync(answer).Within();

    // Frames (echoes, heartbeats) are read past until the close; the caller bounds the wait.
    private async Task<WebSocketCloseStatus?> WaitForCloseUnboundedAsync(WebSocketCloseStatus answer)
    {
        try
        {
            while (await ReceiveRawAsync() is not null)
            {
            }

            await _socket.CloseOutputAsync(answer, "bye", CancellationToken.None).Within();
        }
        catch (WebSocketException)
        {
            // Closed without a close frame.
        }

        return _socket.CloseStatus;
    }

    public override Task SendAsync(params Message[] messages) => SendRawAsync(ClientPayload.Encode(messages));

    public Task SendRawAsync(byte[] payload, WebSocketMessageType type = WebSocketMessageType.Text) =>
        _socket.SendAsync(payload, type, endOfMessage: true, CancellationToken.None).Within();

    /// <summary>Closes as a page navigating away does (1001): the session waits for a reconnection.</summary>
    public Task CloseAsync() => CloseAsync(WebSocketCloseStatus.EndpointUnavailable);

    /// <summary>Closes with 4000, which says the session is over.</summary>
    public override Task LeaveAsync() => CloseAsync(LeaveCloseStatus.Leaving);

    /// <summary>Closes with that status (<see cref="WebSocketCloseStatus.Empty"/>: no status, as a browser's <c>ws.close()</c>).</summary>
    public async Task CloseAsync(WebSocketCloseStatus status)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(status, status == WebSocketCloseStatus.Empty ? null : "bye", CancellationToken.None).Within();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
        {
        }

        _socket.Dispose();
    }

    /// <summary>Applies to the next connection, and to the first if it has not been made.</summary>
    public override void SetHeader(string name, string value)
    {
        _headers[name] = value;
        if (_socket.State == WebSocketState.None)
        {
            _socket.Options.SetRequestHeader(name, value);
        }
    }

    private static ClientWebSocket NewSocket(string? origin, Dictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        foreach (var (name, value) in headers ?? [])
        {
            socket.Options.SetRequestHeader(name, value);
        }

        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        return socket;
    }

    private static Uri SocketUri(Uri baseUri, string transport, string? sessionId)
    {
        var builder = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws" };
        builder.Path = sessionId is null ? $"/socket.io/{transport}" : $"/socket.io/{transport}/{sessionId}";
        return builder.Uri;
    }
}
