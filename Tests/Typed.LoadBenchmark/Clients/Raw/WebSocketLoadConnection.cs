namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>
/// A lean load client: one WebSocket implementation, one framing, a receive loop that counts
/// what arrives. The same code drives the bare echo and our server, so that their figures differ
/// by the server alone.
/// </summary>
internal sealed class WebSocketLoadConnection(Uri server, IRawWebSocket socket, IWireFraming framing) : ILoadConnection
{
    private readonly PendingEcho _echo = new();
    private string? _lastText;
    private byte[] _lastMessage = [];
    private Task? _receiving;

    public int Heard => _echo.Heard;

    public async Task ConnectAsync()
    {
        await socket.ConnectAsync(framing.Endpoint(server));
        if (framing.ServerSpeaksFirst && await socket.ReceiveAsync() is null)
        {
            throw new InvalidOperationException("The server closed before its handshake.");
        }

        _receiving = ReceiveAsync();
    }

    public async Task EchoAsync(string text, bool onThreadPool)
    {
        if (!ReferenceEquals(text, _lastText))
        {
            (_lastText, _lastMessage) = (text, framing.Message(text));
        }

        var back = _echo.Expect(onThreadPool);
        await socket.SendAsync(_lastMessage);
        await back;
    }

    public Task TypedEchoAsync(string text) => throw new NotSupportedException("The plain clients have no typed answers.");

    public async Task ShoutAsync(string text) => await socket.SendAsync(framing.Shout(text));

    public Task JoinAsync(string room) => throw new NotSupportedException("The plain clients have no rooms.");

    public Task ShoutToAsync(string room, string text) => throw new NotSupportedException("The plain clients have no rooms.");

    public async ValueTask DisposeAsync()
    {
        await socket.DisposeAsync();
        if (_receiving is not null)
        {
            await _receiving;
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (await socket.ReceiveAsync() is { } received)
            {
                for (var count = framing.Count(received.Span); count > 0; count--)
                {
                    _echo.Arrived();
                }
            }
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended: the run is over, or the figures show what went missing.
        }
    }
}
