using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Typed.Framing;

namespace Typed.Server.Tests;

/// <summary>
/// A client that says it is leaving ends its session at once, whatever the transport; every
/// other way a connection ends leaves the session waiting for a reconnection, as in 2010.
/// </summary>
public sealed class LeaveTests
{
    // Far longer than any wait below: a session that ends did not end by timing out.
    private static readonly TimeSpan Lingering = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_client_that_leaves_ends_its_session_at_once_after_what_it_sent(string transport)
    {
        var received = new ConcurrentQueue<string>();
        await using var server = await SocketServerHost.StartAsync(
            o => o.Timeout = Lingering,
            listener => listener.ClientMessage += (client, message) => received.Enqueue(message.Text!));
        await using var other = server.Wire(transport);
        await other.OpenAsync();
        await using var wire = server.Wire(transport);
        await wire.OpenAsync();
        await server.Events.ConnectedAsync(wire.SessionId);

        await wire.SendAsync("last words");
        await wire.LeaveAsync();
        var client = await server.Events.DisconnectedAsync(wire.SessionId);

        Assert.Equal(DisconnectReason.ClientLeft, client.DisconnectReason);
        Assert.Equal(["last words"], received);
        Assert.Equal(1, server.Events.DisconnectCount(wire.SessionId));
        Assert.False(server.Listener.ClientsIndex.ContainsKey(wire.SessionId));
        Assert.Equal(HttpStatusCode.NotFound, await WebSocketWire.TryConnectAsync(server.BaseUri, wire.SessionId));

        // The other session of the same transport is untouched.
        Assert.True(server.Listener.ClientsIndex.ContainsKey(other.SessionId));
        server.Listener.ClientsIndex[other.SessionId].Send("still here");
        Assert.Equal("still here", (await other.ReceiveAsync()).Text);
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.EndpointUnavailable)] // a page navigating away
    [InlineData(WebSocketCloseStatus.Empty)] // the 2010 client's ws.close(), which sends no status
    [InlineData(WebSocketCloseStatus.NormalClosure)] // a generic client, or a proxy's close
    public async Task A_websocket_closed_otherwise_keeps_its_session_for_a_reconnection(WebSocketCloseStatus status)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = Lingering);
        var socket = await server.WebSocketAsync();
        await socket.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(socket.SessionId);

        await socket.CloseAsync(status);
        await Wait.UntilAsync(() => !client.Connected, "the server sees the socket gone");
        client.Send("kept");
        await using var again = await server.WebSocketAsync(socket.SessionId);

        Assert.Equal("kept", (await again.ReceiveAsync()).Text);
        Assert.Null(client.DisconnectReason);
    }

    [Fact]
    public async Task A_websocket_answering_the_servers_close_is_not_leaving()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = Lingering);
        var first = await server.WebSocketAsync();
        await first.HandshakeAsync();
        var client = await server.Events.ConnectedAsync(first.SessionId);

        // A newer connection replaces the first, whose close the first answers with the leaving status.
        await using var second = await server.WebSocketAsync(first.SessionId);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.WaitForCloseAsync(answer: LeaveCloseStatus.Leaving));
        await second.SendAsync("still mine");

        Assert.Equal("still mine", (await second.ReceiveAsync()).Text);
        Assert.Null(client.DisconnectReason);
    }

    [Fact]
    public async Task Leaving_an_unknown_session_is_refused_and_touches_no_other()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();
        await polling.OpenAsync();

        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var unknown = await http.PostAsync("/socket.io/xhr-polling/no-such-session/leave", content: null);
        using var opening = await http.PostAsync("/socket.io/xhr-polling//leave", content: null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, opening.StatusCode);
        await polling.AssertEchoesAsync("unharmed");
    }

    [Fact]
    public async Task Another_site_cannot_end_a_session_whose_id_it_learned()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Timeout = Lingering);
        using var polling = server.Polling();
        await polling.OpenAsync();

        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/socket.io/xhr-polling/{polling.SessionId}/leave");
        request.Headers.Add("Origin", "http://evil.example");
        using var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(server.Listener.ClientsIndex[polling.SessionId].DisconnectReason);
        await polling.AssertEchoesAsync("unharmed");
    }
}
