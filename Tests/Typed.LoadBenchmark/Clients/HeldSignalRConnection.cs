using Microsoft.AspNetCore.Http.Connections;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// One connection of the stress run on the SignalR server: its client on one transport, pinging
/// the server as the run's liveness asks, held open, and any close remembered (it does not
/// reconnect by itself). WebSockets skip the negotiation, so that ten thousand fit in one process;
/// long polling needs it, through the connection pool every connection shares.
/// </summary>
internal sealed class HeldSignalRConnection : IHeldSession
{
    private readonly SignalRConnection _connection;
    private int _drops;

    public HeldSignalRConnection(Uri server, HttpTransportType transport, HttpMessageInvoker shared, TimeSpan keepAlive)
    {
        Transport = transport.ToString();
        var webSocket = transport == HttpTransportType.WebSockets;
        _connection = new SignalRConnection(server, transport, skipNegotiation: webSocket, shared: webSocket ? null : shared, keepAlive: keepAlive);
        _connection.Closed += () => Interlocked.Increment(ref _drops);
    }

    public string Transport { get; }

    public Exception? Failure { get; private set; }

    public int Drops => Volatile.Read(ref _drops);

    public bool Connected => Failure is null && _connection.Connected;

    public async Task ConnectAsync()
    {
        try
        {
            await _connection.ConnectAsync();
        }
        catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException or TimeoutException or OperationCanceledException)
        {
            Failure = e;
        }
    }

    public async Task<bool> EchoesAsync(string text, TimeSpan patience)
    {
        try
        {
            await _connection.EchoAsync(text, onThreadPool: false).WaitAsync(patience);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
