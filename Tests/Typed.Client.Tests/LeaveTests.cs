using System.Collections.Concurrent;

namespace Typed.Client.Tests;

/// <summary>
/// <see cref="Socket.DisconnectAsync"/> leaves the session: the server ends it at once, after
/// what was sent before, over every transport; a connection the client gives up does not.
/// </summary>
public sealed class LeaveTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Disconnecting_ends_the_session_on_the_server_at_once_after_what_was_sent(string transport)
    {
        var received = new ConcurrentQueue<string>();
        await using var server = await SocketServerHost.StartAsync(
            o =>
            {
                ClientTransportTests.AnyOrigin(o);
                // Far longer than any wait here: a session that ends did not end by timing out.
                o.Timeout = TimeSpan.FromMinutes(10);
            },
            listener => listener.ClientMessage += (_, message) => received.Enqueue(message.Text!));
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var sessionId = client.Socket.SessionId!;

        await client.Socket.SendAsync("last words");
        await client.Socket.DisconnectAsync();

        // Disconnecting returns once the server has heard.
        Assert.Equal(1, server.Events.DisconnectCount(sessionId));
        var session = await server.Events.DisconnectedAsync(sessionId);
        Assert.Equal(Server.DisconnectReason.ClientLeft, session.DisconnectReason);
        Assert.Equal(["last words"], received);
    }

    [Fact]
    public async Task Disconnecting_from_a_server_that_cannot_be_reached_returns_within_the_request_timeout()
    {
        await using var server = await SocketServerHost.StartEchoAsync(ClientTransportTests.AnyOrigin);
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(TransportNames.XhrPolling);
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        await using var client = new ClientProbe(proxy.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        proxy.Stalled = true;
        await client.Socket.DisconnectAsync().Within();

        // The server was not told: the session waits, as for any client gone silent.
        Assert.False(client.Socket.Connected);
        Assert.Null(session.DisconnectReason);
    }
}
