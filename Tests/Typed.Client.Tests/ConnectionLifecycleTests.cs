namespace Typed.Client.Tests;

public sealed class ConnectionLifecycleTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task When_the_server_forgets_the_session_the_client_says_so_and_starts_a_new_one(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(ClientTransportTests.AnyOrigin);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var first = client.Socket.SessionId!;
        var session = await server.Events.ConnectedAsync(first);

        session.Disconnect();
        await Wait.UntilAsync(() => client.Opened == 2, "the client opens a new session");

        Assert.Equal(1, client.Expired);
        Assert.NotEqual(first, client.Socket.SessionId);
        await client.Socket.SendAsync("in the new session");
        Assert.Equal("in the new session", (await client.ReceiveAsync()).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task After_an_outage_longer_than_the_servers_timeout_the_client_starts_afresh(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            ClientTransportTests.AnyOrigin(o);
            o.Timeout = TimeSpan.FromMilliseconds(500);
        });
        await using var proxy = FaultyTcpProxy.Start(server.BaseUri);
        var options = ClientProbe.Options(transport);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;
        await using var client = new ClientProbe(proxy.BaseUri, options);
        await client.Socket.ConnectAsync().Within();
        var first = client.Socket.SessionId!;

        proxy.Refusing = true;
        proxy.CutAll();
        await server.Events.DisconnectedAsync(first);
        proxy.Refusing = false;
        await Wait.UntilAsync(() => client.Opened == 2, "the client opens a new session");

        Assert.Equal(1, client.Expired);
        Assert.NotEqual(first, client.Socket.SessionId);
        await client.Socket.SendAsync("after the outage");
        Assert.Equal("after the outage", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task A_transport_the_server_refuses_falls_back_to_the_next()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Transports = ["server-events", "xhr-polling"]);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options("websocket", "htmlfile", "xhr-polling"));

        Assert.Equal("xhr-polling", client.Socket.Transport);
        await client.Socket.SendAsync("fell back");
        Assert.Equal("fell back", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task A_flash_policy_that_allows_nothing_falls_back_to_the_next()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["pages.example:80"]);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options("flashsocket", "xhr-polling"));

        Assert.Equal("xhr-polling", client.Socket.Transport);
    }

    [Fact]
    public async Task When_nothing_connects_the_failure_says_why_for_each_transport()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Transports = ["xhr-polling"]);
        await using var client = new ClientProbe(server.BaseUri, ClientProbe.Options("websocket", "server-events"));

        var failure = await Assert.ThrowsAsync<SocketConnectException>(() => client.Socket.ConnectAsync().Within());

        Assert.Equal(2, failure.InnerExceptions.Count);
        Assert.Contains("websocket", failure.InnerExceptions[0].Message, StringComparison.Ordinal);
        Assert.Contains("server-events", failure.InnerExceptions[1].Message, StringComparison.Ordinal);
        Assert.False(client.Socket.Connecting);
        Assert.False(client.Socket.Connected);
    }

    [Fact]
    public async Task The_transport_that_worked_is_tried_first_next_time()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var memory = new TransportMemory();
        var first = ClientProbe.Options("xhr-polling");
        first.RememberTransport = true;
        first.TransportMemory = memory;
        await using (await ClientProbe.ConnectAsync(server, first))
        {
        }

        var second = ClientProbe.Options("websocket", "xhr-polling");
        second.RememberTransport = true;
        second.TransportMemory = memory;
        await using var client = await ClientProbe.ConnectAsync(server, second);

        Assert.Equal("xhr-polling", memory.Recall(server.BaseUri));
        Assert.Equal("xhr-polling", client.Socket.Transport);
    }

    [Fact]
    public async Task Disconnecting_says_so_and_keeps_what_was_sent_meanwhile_for_the_next_connection()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options("websocket"));
        var reasons = new List<DisconnectReason>();
        client.Socket.Disconnected += reasons.Add;

        await client.Socket.DisconnectAsync();
        await client.Socket.SendAsync("sent while disconnected");
        await client.Socket.ConnectAsync().Within();

        Assert.Equal([DisconnectReason.Requested], reasons);
        Assert.Equal("sent while disconnected", (await client.ReceiveAsync()).Text);
        Assert.Equal(2, client.Opened);
    }

    [Fact]
    public async Task Without_reconnection_a_dropped_connection_is_a_disconnect()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var options = ClientProbe.Options("websocket");
        options.Reconnect = false;
        await using var client = await ClientProbe.ConnectAsync(server, options);
        var disconnected = new TaskCompletionSource<DisconnectReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Socket.Disconnected += reason => disconnected.TrySetResult(reason);

        (await server.Events.ConnectedAsync(client.Socket.SessionId!)).Disconnect();

        Assert.Equal(DisconnectReason.ConnectionLost, await disconnected.Task.Within());
        Assert.False(client.Socket.Connected);
        Assert.Equal(1, client.Closed);
    }

    [Fact]
    public async Task A_2010_server_without_acknowledged_delivery_is_spoken_to_as_in_2010()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        var options = ClientProbe.Options("xhr-polling");
        options.AcknowledgedDelivery = false;
        await using var client = await ClientProbe.ConnectAsync(server, options);

        await client.Socket.SendAsync("plain");

        Assert.False(client.Socket.AcknowledgedDelivery);
        Assert.False((await server.Events.ConnectedAsync(client.Socket.SessionId!)).Acknowledged);
        Assert.Equal("plain", (await client.ReceiveAsync()).Text);
    }
}
