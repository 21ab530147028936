using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Typed.Server.Tests;

/// <summary>
/// Stopping the host: what was queued before the stop reaches the clients, every connection is
/// then closed, and the stop ends within its time, on every transport.
/// </summary>
public sealed class ShutdownTests
{
    private const int Queued = 500;

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task What_was_queued_before_the_stop_reaches_a_client_that_comes_back_during_it(string transport)
    {
        var server = await SocketServerHost.StartEchoAsync();
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        await wire.DropAsync();
        await Wait.UntilAsync(() => !client.Connected, "the server sees the downstream gone");
        for (var i = 0; i < Queued; i++)
        {
            client.Send($"queued {i}");
        }

        var stopping = server.DisposeAsync().AsTask();
        await Wait.UntilAsync(() => server.Listener.IsStopping, "the stop has begun");
        await wire.ReattachAsync();
        var received = await wire.ReceiveAsync(Queued);
        await stopping.Within();

        Assert.Equal(Enumerable.Range(0, Queued).Select(i => $"queued {i}"), received.Select(m => m.Text));
        Assert.Equal(DisconnectReason.Shutdown, (await server.Events.DisconnectedAsync(wire.SessionId)).DisconnectReason);
        Assert.True(server.Logs.Contains("Stopping: 1 sessions flushed what they had queued, 0 did not in time"));
    }

    [Fact]
    public async Task A_burst_sent_just_before_the_stop_reaches_an_open_websocket_whole_before_its_close()
    {
        var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(socket.SessionId);

        for (var i = 0; i < 20_000; i++)
        {
            client.Send($"burst {i} {new string('b', 100)}");
        }

        var stopping = server.DisposeAsync().AsTask();
        var received = await socket.ReceiveAsync(20_000);

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"burst {i} {new string('b', 100)}"), received.Select(m => m.Text));
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, await socket.WaitForCloseAsync());
        await stopping.Within();
    }

    [Fact]
    public async Task No_new_session_is_opened_while_stopping_and_a_client_that_never_returns_is_given_up_at_the_flush_timeout()
    {
        var server = await SocketServerHost.StartEchoAsync(o => o.ShutdownFlushTimeout = TimeSpan.FromSeconds(2));
        var gone = await QueueForAClientThatNeverReturnsAsync(server);
        var elapsed = Stopwatch.StartNew();

        var stopping = server.DisposeAsync().AsTask();
        await Wait.UntilAsync(() => server.Listener.IsStopping, "the stop has begun");
        using var latecomer = server.Polling();
        using var refused = await latecomer.GetAsync("/socket.io/xhr-polling//1");
        await stopping.Within();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(server.Logs.Contains("Stopping: 0 sessions flushed what they had queued, 1 did not in time"));
        // Waited, rather than ended at once (the timer may fire a hair before 2 s by the stopwatch).
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(1.5), $"the stop waited for the client (it took {elapsed.Elapsed})");
        Assert.Equal(DisconnectReason.Shutdown, (await server.Events.DisconnectedAsync(gone)).DisconnectReason);
    }

    [Fact]
    public async Task The_hosts_shutdown_timeout_bounds_the_wait()
    {
        var server = await SocketServerHost.StartEchoAsync(
            o => o.ShutdownFlushTimeout = TimeSpan.FromHours(1),
            services: builder => builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        var gone = await QueueForAClientThatNeverReturnsAsync(server);

        await server.DisposeAsync().AsTask().Within();

        Assert.True(server.Logs.Contains("1 did not in time"));
        Assert.Equal(DisconnectReason.Shutdown, (await server.Events.DisconnectedAsync(gone)).DisconnectReason);
    }

    /// <summary>A session with a message queued whose client has gone for good; returns its id.</summary>
    private static async Task<string> QueueForAClientThatNeverReturnsAsync(SocketServerHost server)
    {
        var gone = await server.WebSocketAsync();
        await gone.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(gone.SessionId);
        await gone.DisposeAsync();
        await Wait.UntilAsync(() => !client.Connected, "the server sees the client gone");
        client.Send("never read");
        return gone.SessionId;
    }
}
