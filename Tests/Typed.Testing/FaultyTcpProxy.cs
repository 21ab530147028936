using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Typed.Testing;

/// <summary>
/// A TCP forwarder on a free loopback port in front of a target, that can cut every connection
/// on a timer (with a reset, as a dropped network does), hold traffic, or forward it in small
/// pieces, or swallow a connection or a request (accept it, then neither forward nor answer nor
/// close it, as a hung proxy or a dead NAT entry does): a flaky network for tests.
/// </summary>
public sealed class FaultyTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> _connections = new();
    private readonly ConcurrentBag<TcpClient> _swallowed = [];
    private readonly ConcurrentQueue<Func<string, bool>> _aims = new();
    private int _swallowCount;
    private readonly Task _accepting;
    private ITimer? _cutter;
    private int _nextId;
    private int _cuts;
    private volatile bool _stalled;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultyTcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint { get; }

    public Uri BaseUri => new($"http://{EndPoint}/");

    /// <summary>How many connections have been cut.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>While set, new connections are reset at once: the server looks unreachable.</summary>
    public bool Refusing { get; set; }

    /// <summary>
    /// The chance that a new connection is swallowed: accepted, then never forwarded, answered,
    /// closed or cut, until the proxy is disposed.
    /// </summary>
    public double SwallowChance { get; set; }

    /// <summary>How many connections and requests have been swallowed.</summary>
    public int Swallowed => Volatile.Read(ref _swallowCount);

    /// <summary>How many aims given to <see cref="SwallowNext"/> are still waiting for their request.</summary>
    public int AimsPending => _aims.Count;

    /// <summary>
    /// Swallows the next request (on a new or a kept-alive connection) whose request line matches,
    /// for example <c>line =&gt; line.StartsWith("POST ")</c>: it is not forwarded, and its
    /// connection stops forwarding both ways and is never closed or cut. Aims are taken in order.
    /// </summary>
    public void SwallowNext(Func<string, bool> requestLine) => _aims.Enqueue(requestLine);

    /// <summary>Forward in pieces of at most this many bytes (0: as they come).</summary>
    public int MaxChunk { get; set; }

    /// <summary>While set, bytes are held in both directions (not dropped) until it is cleared.</summary>
    public bool Stalled
    {
        get => _stalled;
        set
        {
            _stalled = value;
            if (value)
            {
                Interlocked.Exchange(ref _released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
            else
            {
                _released.TrySetResult();
            }
        }
    }

    public static FaultyTcpProxy Start(IPEndPoint target) => new(target);

    public static FaultyTcpProxy Start(Uri target) => new(new IPEndPoint(IPAddress.Parse(target.Host), target.Port));

    /// <summary>Cuts every open connection on each tick; new connections are still accepted.</summary>
    public void CutEvery(TimeSpan interval)
    {
        _cutter?.Dispose();
        _cutter = TimeProvider.System.CreateTimer(_ => CutAll(), null, interval, interval);
    }

    public void StopCutting()
    {
        _cutter?.Dispose();
        _cutter = null;
    }

    /// <summary>Cuts every open connection now, with a reset.</summary>
    public void CutAll()
    {
        foreach (var id in _connections.Keys)
        {
            if (_connections.TryRemove(id, out var pair))
            {
                Interlocked.Increment(ref _cuts);
                Reset(pair.Client);
                Reset(pair.Server);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        StopCutting();
        await _stop.CancelAsync();
        _listener.Stop();
        _released.TrySetResult();
        CutAll();
        foreach (var swallowed in _swallowed)
        {
            Reset(swallowed);
            swallowed.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            if (Refusing)
            {
                Reset(client);
                client.Dispose();
                continue;
            }

            if (SwallowChance > 0 && Random.Shared.NextDouble() < SwallowChance)
            {
                Swallow(client);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        var id = Interlocked.Increment(ref _nextId);
        try
        {
            client.NoDelay = server.NoDelay = true;
            await server.ConnectAsync(_target, _stop.Token);
            _connections[id] = (client, server);
            var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var upstream = PumpAsync(client.GetStream(), server.GetStream(), hung, () => Hang(id, client, server, hung));
            var downstream = PumpAsync(server.GetStream(), client.GetStream(), hung, hang: null);
            var first = await Task.WhenAny(upstream, downstream);
            if ((first.IsFaulted || first.IsCanceled) && !hung.Task.IsCompleted)
            {
                // One side failed: the other must not wait for it.
                Reset(client);
                Reset(server);
            }

            await Task.WhenAll(upstream, downstream);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut, or the proxy stopping.
        }
        finally
        {
            _connections.TryRemove(id, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    /// <param name="hung">Completed when the connection is swallowed: from then on nothing is forwarded either way.</param>
    /// <param name="hang">For the client's side: swallows the connection; null for the server's side.</param>
    private async Task PumpAsync(Stream from, Stream to, TaskCompletionSource hung, Action? hang)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (hang is not null && !_aims.IsEmpty && IsAimedAt(buffer.AsSpan(0, read)))
            {
                hang();
            }

            if (hung.Task.IsCompleted)
            {
                // Swallowed: held open, silent both ways, until the proxy stops.
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            if (_stalled)
            {
                await _released.Task.WaitAsync(_stop.Token);
            }

            var chunk = MaxChunk > 0 ? MaxChunk : read;
            for (var offset = 0; offset < read; offset += chunk)
            {
                await to.WriteAsync(buffer.AsMemory(offset, Math.Min(chunk, read - offset)), _stop.Token);
                await to.FlushAsync(_stop.Token);
            }
        }

        if (hung.Task.IsCompleted)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        // One side finished sending: pass the half-close on.
        (to as NetworkStream)?.Socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Whether these bytes start a request that the first aim is for; the aim is taken if so.</summary>
    private bool IsAimedAt(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf("\r\n"u8);
        if (end <= 0 || !_aims.TryPeek(out var aim))
        {
            return false;
        }

        var line = System.Text.Encoding.ASCII.GetString(bytes[..end]);
        return (line.StartsWith("GET ", StringComparison.Ordinal) || line.StartsWith("POST ", StringComparison.Ordinal))
            && aim(line) && _aims.TryDequeue(out _);
    }

    /// <summary>A connection of the ones forwarded is swallowed: no longer cut, forwarded or closed.</summary>
    private void Hang(int id, TcpClient client, TcpClient server, TaskCompletionSource hung)
    {
        _connections.TryRemove(id, out _);
        Interlocked.Increment(ref _swallowCount);
        _swallowed.Add(client);
        _swallowed.Add(server);
        hung.TrySetResult();
    }

    /// <summary>A new connection is swallowed before anything is forwarded.</summary>
    private void Swallow(TcpClient client)
    {
        Interlocked.Increment(ref _swallowCount);
        _swallowed.Add(client);
    }

    private static void Reset(TcpClient connection)
    {
        // A connection already closed by its own side has no socket left to reset.
        if (connection.Client is not { } socket)
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
