using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Typed.Testing;

/// <summary>
/// A TCP forwarder on a free loopback port in front of a target, that can cut every connection
/// on a timer (with a reset, as a dropped network does), hold traffic, or forward it in small
/// pieces: a flaky network for tests.
/// </summary>
public sealed class FaultyTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> _connections = new();
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
            var upstream = PumpAsync(client.GetStream(), server.GetStream());
            var downstream = PumpAsync(server.GetStream(), client.GetStream());
            var first = await Task.WhenAny(upstream, downstream);
            if (first.IsFaulted || first.IsCanceled)
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

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
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

        // One side finished sending: pass the half-close on.
        (to as NetworkStream)?.Socket.Shutdown(SocketShutdown.Send);
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
