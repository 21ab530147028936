using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Typed.Testing;

/// <summary>What a <see cref="WebSocketBlockingProxy"/> does to WebSocket upgrades.</summary>
public enum WebSocketBlockingMode
{
    /// <summary>Forwards upgrades like any request.</summary>
    PassThrough,

    /// <summary>Answers upgrades 403, as a proxy that strips WebSockets does.</summary>
    RefuseUpgrade,

    /// <summary>Lets the upgrade succeed, then closes the connection before any frame.</summary>
    AcceptThenClose,

    /// <summary>Lets the upgrade succeed, then relays nothing more, keeping the connection open.</summary>
    AcceptThenStall,
}

/// <summary>
/// An HTTP/1.1 proxy at the TCP level on a free loopback port: plain requests pass through, and
/// WebSocket upgrades meet the failures that real proxies inflict on them.
/// </summary>
public sealed class WebSocketBlockingProxy : IAsyncDisposable
{
    private const int MaxHead = 64 * 1024;
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _upgradesSeen;

    private WebSocketBlockingProxy(IPEndPoint target, WebSocketBlockingMode mode)
    {
        _target = target;
        Mode = mode;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    public WebSocketBlockingMode Mode { get; set; }

    public IPEndPoint EndPoint { get; }

    public Uri BaseUri => new($"http://{EndPoint}/");

    /// <summary>How many WebSocket upgrades reached the proxy.</summary>
    public int UpgradesSeen => Volatile.Read(ref _upgradesSeen);

    public static WebSocketBlockingProxy Start(Uri target, WebSocketBlockingMode mode) =>
        new(new IPEndPoint(IPAddress.Parse(target.Host), target.Port), mode);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                var head = await ReadHeadAsync(client.GetStream());
                var upgrade = head.Contains("\r\nupgrade: websocket", StringComparison.OrdinalIgnoreCase);
                if (upgrade)
                {
                    Interlocked.Increment(ref _upgradesSeen);
                }

                if (upgrade && Mode == WebSocketBlockingMode.RefuseUpgrade)
                {
                    await client.GetStream().WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                    return;
                }

                await server.ConnectAsync(_target, _stop.Token);
                await server.GetStream().WriteAsync(Encoding.Latin1.GetBytes(head), _stop.Token);
                if (!upgrade || Mode == WebSocketBlockingMode.PassThrough)
                {
                    await RelayAsync(client.GetStream(), server.GetStream());
                    return;
                }

                // Relay the server's 101, then fail the way the mode says.
                var answer = await ReadHeadAsync(server.GetStream());
                await client.GetStream().WriteAsync(Encoding.Latin1.GetBytes(answer), _stop.Token);
                if (Mode == WebSocketBlockingMode.AcceptThenStall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client or the server went away, or the proxy is stopping.
            }
        }
    }

    private async Task RelayAsync(NetworkStream client, NetworkStream server)
    {
        var up = client.CopyToAsync(server, _stop.Token);
        var down = server.CopyToAsync(client, _stop.Token);
        await Task.WhenAny(up, down);
    }

    /// <summary>Reads an HTTP head, byte by byte so that nothing after it is taken from the stream.</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var head = new StringBuilder();
        var one = new byte[1];
        while (head.Length < MaxHead && !(head.Length >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, timeout.Token) == 0)
            {
                throw new IOException("The connection closed inside an HTTP head.");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
