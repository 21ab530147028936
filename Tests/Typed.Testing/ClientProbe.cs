using System.Threading.Channels;
using Typed.Client;
using Typed.Messages;

namespace Typed.Testing;

/// <summary>A <see cref="Socket"/> under test, with what it reported recorded for the test to await.</summary>
public sealed class ClientProbe : IAsyncDisposable
{
    private readonly Channel<Message> _messages = Channel.CreateUnbounded<Message>();
    private int _opened;
    private int _reconnected;
    private int _expired;
    private int _closed;

    public ClientProbe(Uri server, SocketOptions options)
    {
        Socket = new Socket(server, options);
        Socket.MessageReceived += message => _messages.Writer.TryWrite(message);
        Socket.Opened += () => Interlocked.Increment(ref _opened);
        Socket.Reconnected += () => Interlocked.Increment(ref _reconnected);
        Socket.SessionExpired += () => Interlocked.Increment(ref _expired);
        Socket.Closed += () => Interlocked.Increment(ref _closed);
    }

    public Socket Socket { get; }

    public int Opened => Volatile.Read(ref _opened);

    public int Reconnected => Volatile.Read(ref _reconnected);

    public int Expired => Volatile.Read(ref _expired);

    public int Closed => Volatile.Read(ref _closed);

    /// <summary>Options for tests: one transport, quick reconnection, a shared memory that remembers nothing.</summary>
    public static SocketOptions Options(params string[] transports) => new()
    {
        Transports = transports.Length > 0 ? transports : [.. TransportNames.All],
        RememberTransport = false,
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<ClientProbe> ConnectAsync(SocketServerHost server, SocketOptions options)
    {
        options.FlashPolicyPort = server.FlashPolicyEndPoint?.Port ?? options.FlashPolicyPort;
        var probe = new ClientProbe(server.BaseUri, options);
        await probe.Socket.ConnectAsync().Within();
        return probe;
    }

    public async Task<Message> ReceiveAsync() => await _messages.Reader.ReadAsync().AsTask().Within();

    public async Task<List<Message>> ReceiveAsync(int count)
    {
        var messages = new List<Message>(count);
        while (messages.Count < count)
        {
            messages.Add(await ReceiveAsync());
        }

        return messages;
    }

    public ValueTask DisposeAsync() => Socket.DisposeAsync();
}
