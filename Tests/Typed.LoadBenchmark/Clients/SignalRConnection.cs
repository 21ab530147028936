using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Typed.LoadBenchmark.Clients;

/// <summary>The SignalR client, with its defaults, on one transport.</summary>
internal sealed class SignalRConnection : ILoadConnection
{
    private readonly HubConnection _connection;
    private readonly PendingEcho _echo = new();

    /// <param name="server">The server's address.</param>
    /// <param name="transport">The one transport to connect with.</param>
    /// <param name="skipNegotiation">Whether to open the WebSocket at once, without the negotiation request first.</param>
    /// <param name="shared">A connection pool to make HTTP requests through, shared with other clients; null for one of its own.</param>
    /// <param name="keepAlive">How often the client pings the server; null for SignalR's default.</param>
    public SignalRConnection(Uri server, HttpTransportType transport, bool skipNegotiation = false, HttpMessageInvoker? shared = null, TimeSpan? keepAlive = null)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hub"), transport, options =>
        {
            options.SkipNegotiation = skipNegotiation;
            if (shared is not null)
            {
                options.HttpMessageHandlerFactory = _ => new SharedHandler(shared);
            }
        }).Build();
        if (keepAlive is { } interval)
        {
            _connection.KeepAliveInterval = interval;
        }

        _connection.On<string>("Echoed", _ => _echo.Arrived());
        _connection.On<string>("Heard", _ => _echo.Arrived());
        _connection.Closed += _ =>
        {
            Closed?.Invoke();
            return Task.CompletedTask;
        };
    }

    public int Heard => _echo.Heard;

    public bool Connected => _connection.State == HubConnectionState.Connected;

    /// <summary>The connection closed (it does not reconnect by itself).</summary>
    public event Action? Closed;

    public Task ConnectAsync() => _connection.StartAsync();

    public async Task EchoAsync(string text, bool onThreadPool)
    {
        var back = _echo.Expect(onThreadPool);
        await _connection.SendAsync("Send", text);
        await back;
    }

    public Task TypedEchoAsync(string text) => _connection.InvokeAsync<string>("Echo", text);

    public Task ShoutAsync(string text) => _connection.SendAsync("Shout", text);

    public Task JoinAsync(string room) => _connection.InvokeAsync("Join", room);

    public Task ShoutToAsync(string room, string text) => _connection.SendAsync("ShoutTo", room, text);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
