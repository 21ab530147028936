using System.Net.WebSockets;
using System.Text;

namespace Typed.LoadBenchmark.Clients;

/// <summary>A bare <see cref="ClientWebSocket"/> against the bare echo: text out, the same text back.</summary>
internal sealed class BareConnection(Uri server) : ILoadConnection
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[4096];

    public int Heard => 0;

    public Task ConnectAsync() => _socket.ConnectAsync(new Uri($"ws://{server.Authority}/ws"), CancellationToken.None);

    public async Task EchoAsync(string text, bool onThreadPool)
    {
        var length = Encoding.UTF8.GetBytes(text, _buffer);
        await _socket.SendAsync(_buffer.AsMemory(0, length), WebSocketMessageType.Text, true, CancellationToken.None);
        ValueWebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
        }
        while (!received.EndOfMessage);

        if (onThreadPool)
        {
            await Task.Yield(); // the same hop the frameworks' clients make then
        }
    }

    public Task TypedEchoAsync(string text) => throw new NotSupportedException("The bare echo has no typed events.");

    public Task ShoutAsync(string text) => throw new NotSupportedException("The bare echo has no broadcast.");

    public Task JoinAsync(string room) => throw new NotSupportedException("The bare echo has no rooms.");

    public Task ShoutToAsync(string room, string text) => throw new NotSupportedException("The bare echo has no rooms.");

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        _socket.Dispose();
    }
}
