using System.Net.WebSockets;
using Typed.Buffers;
using Typed.Client.Transports.WebSockets;

namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>
/// Our .NET client's own RFC 6455 end (<see cref="WebSocketConnection"/>), on its own: the
/// WebSocket code under our <c>Socket</c>, without the protocol above it.
/// </summary>
internal sealed class TypedEndWebSocket : IRawWebSocket
{
    /// <summary>One HTTP handler for every connection's upgrade, as one process of clients would have.</summary>
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler());

    private readonly PooledBufferWriter _message = new();
    private WebSocketConnection? _connection;

    public async Task ConnectAsync(Uri uri) =>
        _connection = await WebSocketUpgrade.ConnectAsync(new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp }.Uri, Invoker, [], CancellationToken.None);

    public ValueTask SendAsync(ReadOnlyMemory<byte> text) => Connection.SendAsync(text, WebSocketMessageType.Text);

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync()
    {
        _message.Clear();
        return await Connection.ReceiveAsync(_message) == WebSocketMessageType.Close ? null : _message.WrittenMemory;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { CanSend: true })
        {
            try
            {
                await _connection.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "");
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                // Already gone.
            }
        }

        _connection?.Dispose();
        _message.Dispose();
    }

    private WebSocketConnection Connection => _connection ?? throw new InvalidOperationException("Not connected.");
}
