using Typed.Client;

namespace Typed.LoadBenchmark.Clients;

/// <summary>
/// One session of the stress run: our client on one transport, held open, its heartbeats counted,
/// and any sign that it dropped (the transport closed, the session expired, the socket gave up)
/// remembered.
/// </summary>
internal sealed class HeldSession : IHeldSession
{
    private readonly HeartbeatCounter _counter;
    private readonly TypedConnection _connection;
    private int _drops;

    public HeldSession(Uri server, string transport, HttpMessageHandler shared)
    {
        Transport = transport;
        _counter = new HeartbeatCounter(shared);
        _connection = new TypedConnection(server, transport, _counter);
        _connection.Socket.Closed += Dropped;
        _connection.Socket.SessionExpired += Dropped;
        _connection.Socket.Disconnected += _ => Dropped();
    }

    public string Transport { get; }

    public Exception? Failure { get; private set; }

    public int Drops => Volatile.Read(ref _drops);

    public bool Connected => Failure is null && _connection.Socket.Connected;

    public int Heartbeats => _counter.Heartbeats;

    public int Answers => _counter.Answers;

    public async Task ConnectAsync()
    {
        try
        {
            await _connection.ConnectAsync();
        }
        catch (SocketConnectException e)
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
        catch (TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Dropped() => Interlocked.Increment(ref _drops);
}
