using Typed.Client;

namespace Typed.LoadBenchmark.Clients;

/// <summary>Our .NET client, with its defaults (acknowledged delivery included unless the run says otherwise), on one transport.</summary>
internal sealed class TypedConnection : ILoadConnection
{
    /// <summary>False with <c>--plain-client</c>: the 2010 framing, unnumbered and unacknowledged, as the original browser client speaks it.</summary>
    public static bool AcknowledgedDelivery { get; set; } = true;

    private readonly Socket _socket;
    private readonly PendingEcho _echo = new();

    /// <param name="server">The server's address.</param>
    /// <param name="transport">The one transport to connect with.</param>
    /// <param name="handler">The HTTP handler to go through; null gives the socket one of its own.</param>
    public TypedConnection(Uri server, string transport, HttpMessageHandler? handler = null)
    {
        _socket = new Socket(server, new SocketOptions { Transports = [transport], RememberTransport = false, HttpMessageHandler = handler, AcknowledgedDelivery = AcknowledgedDelivery });
        _socket.MessageReceived += _ => _echo.Arrived();
    }

    public Socket Socket => _socket;

    public int Heard => _echo.Heard;

    public Task ConnectAsync() => _socket.ConnectAsync();

    public async Task EchoAsync(string text, bool onThreadPool)
    {
        var back = _echo.Expect(onThreadPool);
        await _socket.SendAsync(text);
        await back;
    }

    public Task TypedEchoAsync(string text) => _socket.Events<ILoadServer>().Echo(text);

    public Task ShoutAsync(string text)
    {
        _socket.Events<ILoadServer>().Shout(text);
        return Task.CompletedTask;
    }

    public Task JoinAsync(string room) => _socket.Events<ILoadServer>().Join(room);

    public Task ShoutToAsync(string room, string text)
    {
        _socket.Events<ILoadServer>().ShoutTo(room, text);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => _socket.DisposeAsync();
}
