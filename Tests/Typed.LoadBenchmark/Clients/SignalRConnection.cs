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
    public SignalRConnection(Uri server, HttpTransportType transport, bool skipNegotiation = false)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hub"), transport, options => options.SkipNegotiation = skipNegotiation).Build();
        _connection.On<string>("Echoed", _ => _echo.Arrived());
        _connection.On<string>("Heard", _ => _echo.Arrived());
    }

    public int Heard => _echo.Heard;

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
