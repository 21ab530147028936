using System.Net.WebSockets;
using Typed.Framing;

namespace Typed.Server.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task An_idle_websocket_gets_heartbeats_and_is_not_closed_for_its_silence()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.WebSocket] = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.True(Heartbeat.IsHeartbeat(await socket.ReceiveRawAsync()), "an idle socket receives heartbeat frames");
        }

        await socket.SendAsync("still open");
        Assert.Equal("still open", (await socket.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task A_client_whose_queue_passes_the_limit_is_disconnected_as_a_slow_consumer()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.MaxQueuedBytes = 1000);
        using var slow = server.Polling();
        await slow.OpenAsync();
        using var other = server.Polling();
        await other.OpenAsync();
        var client = await server.Events.ConnectedAsync(slow.SessionId);

        for (var i = 0; i < 20; i++)
        {
            client.Send(new string('x', 100));
        }

        Assert.Equal(DisconnectReason.SlowConsumer, (await server.Events.DisconnectedAsync(slow.SessionId)).DisconnectReason);
        Assert.True(server.Logs.Contains("slow consumer"));
        server.Listener.ClientsIndex[other.SessionId].Send("unaffected");
        Assert.Equal("unaffected", Assert.Single(await other.PollForAsync(1)).Text);
    }

    [Fact]
    public async Task A_websocket_that_stops_reading_is_dropped_when_its_session_ends_though_a_write_to_it_is_stalled()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.MaxQueuedBytes = long.MaxValue);
        await using var slow = await server.WebSocketAsync();
        await slow.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(slow.SessionId);

        // One message of 64 MiB is more than the connection's buffers hold (tens of MiB at most on
        // loopback). The client reads its first bytes, to know the server is writing it, and then
        // nothing more: the write stalls for good.
        client.Send(new string('x', 64 * 1024 * 1024));
        var start = await slow.Socket.ReceiveAsync(new byte[32], CancellationToken.None).Within();
        Assert.False(start.EndOfMessage, "the big message is on its way");

        client.Disconnect();
        await Wait.UntilAsync(() => server.Logs.Contains($"Downstream of session {slow.SessionId} ended"), "the stalled write is given up and the connection ends");
    }

    [Fact]
    public async Task A_handler_that_throws_is_logged_and_later_messages_still_arrive()
    {
        await using var server = await SocketServerHost.StartAsync(setup: listener => listener.ClientMessage += (client, message) =>
        {
            if (message.Text == "boom")
            {
                throw new InvalidOperationException("the handler failed");
            }

            client.Send(message);
        });
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendAsync("boom", "after");

        Assert.Equal("after", (await socket.ReceiveAsync()).Text);
        Assert.Contains(server.Logs.Entries, e => e.Exception?.Message == "the handler failed");
    }

    [Fact]
    public async Task Stopping_the_server_closes_sockets_and_disconnects_every_client_once()
    {
        var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        using var polling = server.Polling();
        await polling.OpenAsync();
        var held = polling.PollRawAsync();
        var client = await server.Events.ConnectedAsync(polling.SessionId);
        await Wait.UntilAsync(() => client.Connections == 2, "the poll is held");

        var stopping = server.DisposeAsync().AsTask();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await socket.WaitForCloseAsync());
        using var answer = await held.Within();
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        await stopping.Within();
        Assert.Equal(DisconnectReason.Shutdown, (await server.Events.DisconnectedAsync(socket.SessionId)).DisconnectReason);
        Assert.Equal(1, server.Events.DisconnectCount(polling.SessionId));
    }
}
