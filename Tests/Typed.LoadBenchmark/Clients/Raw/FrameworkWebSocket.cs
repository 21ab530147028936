using System.Net.WebSockets;

namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>The framework's <see cref="ClientWebSocket"/>: what a new user of any WebSocket server reaches for first.</summary>
internal sealed class FrameworkWebSocket : IRawWebSocket
{
    private readonly ClientWebSocket _socket = new();
    private byte[] _buffer = new byte[4096];

    public Task ConnectAsync(Uri uri) => _socket.ConnectAsync(uri, CancellationToken.None);

    public ValueTask SendAsync(ReadOnlyMemory<byte> text) => _socket.SendAsync(text, WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // a batch of many messages
            }

            var received = await _socket.ReceiveAsync(_buffer.AsMemory(length), CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += received.Count;
            if (received.EndOfMessage)
            {
                return _buffer.AsMemory(0, length);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
    }
}
