using System.Net;

namespace Typed.Server.Tests;

public sealed class ReconnectionTests
{
    [Fact]
    public async Task A_websocket_reopened_with_its_session_id_gets_every_queued_message_once_in_order()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var client = await ConnectThenDropAsync(server);

        for (var i = 1; i <= 5; i++)
        {
            client.Send($"queued {i}");
        }

        await using var second = await server.WebSocketAsync(client.SessionId);
        var queued = await second.ReceiveAsync(5);
        client.Send("after");

        Assert.Equal(["queued 1", "queued 2", "queued 3", "queued 4", "queued 5"], queued.Select(m => m.Text));
        Assert.Equal("after", (await second.ReceiveAsync()).Text);
        Assert.Equal(2, client.Connections);
        Assert.True(client.Connected);
    }

    [Fact]
    public async Task A_reopened_websocket_does_not_get_the_handshake_again()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var client = await ConnectThenDropAsync(server);

        await using var second = await server.WebSocketAsync(client.SessionId);
        await second.SendAsync("echo me");

        Assert.Equal(["echo me"], (await second.ReceiveFrameAsync()).Select(m => m.Text));
    }

    [Fact]
    public async Task Past_the_timeout_the_client_disconnects_once_and_its_id_is_refused()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        var sessionId = socket.SessionId;
        await socket.DisposeAsync();

        var client = await server.Events.DisconnectedAsync(sessionId);

        Assert.Equal(DisconnectReason.Timeout, client.DisconnectReason);
        Assert.False(server.Listener.ClientsIndex.ContainsKey(sessionId));
        Assert.Equal(HttpStatusCode.NotFound, await WebSocketWire.TryConnectAsync(server.BaseUri, sessionId));
        using var polling = server.Polling();
        using var poll = await polling.GetAsync($"/socket.io/xhr-polling/{sessionId}/1");
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        using var post = await polling.PostFormAsync("data=%5B%22late%22%5D", sessionId);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, server.Events.DisconnectCount(sessionId));
    }

    [Fact]
    public async Task A_polling_session_that_stops_polling_times_out_once()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        using var polling = server.Polling();
        await polling.OpenAsync();

        var client = await server.Events.DisconnectedAsync(polling.SessionId);

        Assert.Equal(DisconnectReason.Timeout, client.DisconnectReason);
        Assert.Equal(1, server.Events.DisconnectCount(polling.SessionId));
    }

    [Fact]
    public async Task Polls_keep_a_session_alive_past_the_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Timeout = timeout;
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMilliseconds(100) };
        });
        using var polling = server.Polling();
        await polling.OpenAsync();
        var started = DateTime.UtcNow;

        while (DateTime.UtcNow - started < timeout * 4)
        {
            Assert.Empty(await polling.PollAsync());
        }

        using var sent = await polling.PostAsync("still here");
        Assert.Equal("still here", Assert.Single(await polling.PollForAsync(1)).Text);
        Assert.Equal(0, server.Events.DisconnectCount(polling.SessionId));
    }

    [Fact]
    public async Task A_newer_poll_supersedes_a_held_one()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMinutes(1) });
        using var polling = server.Polling();
        await polling.OpenAsync();
        var client = await server.Events.ConnectedAsync(polling.SessionId);

        var held = polling.PollAsync();
        await Wait.UntilAsync(() => client.Connections == 2, "the first poll is held");
        var newer = polling.PollAsync();

        Assert.Empty(await held.Within());
        await Wait.UntilAsync(() => client.Connections == 3, "the newer poll is held");
        client.Send("to the newer poll");
        Assert.Equal("to the newer poll", Assert.Single(await newer.Within()).Text);
    }

    [Fact]
    public async Task The_server_can_end_a_session()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(socket.SessionId);

        client.Disconnect();

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, await socket.WaitForCloseAsync());
        Assert.Equal(DisconnectReason.ServerDisconnect, (await server.Events.DisconnectedAsync(socket.SessionId)).DisconnectReason);
        Assert.Empty(server.Listener.Clients);
    }

    /// <summary>Opens a websocket session and drops its socket, leaving the session waiting for a reconnection.</summary>
    private static async Task<Client> ConnectThenDropAsync(SocketServerHost server)
    {
        var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(socket.SessionId);
        await socket.DisposeAsync();
        await Wait.UntilAsync(() => !client.Connected, "the server sees the socket gone");
        return client;
    }
}
