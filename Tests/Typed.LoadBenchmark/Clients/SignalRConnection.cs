using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Typed.LoadBenchmark.Clients;

/// <summary>The SignalR client, with its defaults, on one transport.</summary>
internal sealed class SignalRConnection : ILoadConnection
{
    private readonly HubConnection _connection;
    private readonly PendingEcho _echo = new();

    public SignalRConnection(Uri server, HttpTransportType transport)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hub"), transport).Build();
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

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
