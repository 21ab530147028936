namespace Typed.Client.Tests;

/// <summary>The .NET client over each of the six transports against the real server.</summary>
public sealed class ClientTransportTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    /// <summary>Every origin allowed, in the Flash policy as well as on the other transports.</summary>
    internal static void AnyOrigin(Server.SocketServerOptions options) => options.Origins = ["*:*"];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_client_connects_and_knows_its_session(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(AnyOrigin);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));

        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        Assert.True(client.Socket.Connected);
        Assert.False(client.Socket.Connecting);
        Assert.Equal(transport, client.Socket.Transport);
        Assert.Equal(transport, session.Transport);
        Assert.True(client.Socket.AcknowledgedDelivery);
        Assert.Equal(1, client.Opened);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Strings_go_both_ways_exactly_as_sent(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(AnyOrigin);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));

        foreach (var text in StringGallery.Texts)
        {
            await client.Socket.SendAsync(text);
        }

        var echoed = await client.ReceiveAsync(StringGallery.Texts.Count);
        Assert.Equal(StringGallery.Texts, echoed.Select(m => m.Text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Messages_sent_before_the_handshake_arrive_after_it_in_order(string transport)
    {
        await using var server = await SocketServerHost.StartAsync(AnyOrigin, listener =>
        {
            listener.ClientConnecting += session =>
            {
                session.Send("welcome 1");
                session.Send("welcome 2");
            };
            listener.ClientMessage += (session, message) => session.Send(message);
        });
        var options = ClientProbe.Options(transport);
        await using var client = new ClientProbe(server.BaseUri, options);
        options.FlashPolicyPort = server.FlashPolicyEndPoint!.Port;

        await client.Socket.SendAsync("queued before connecting 1");
        await client.Socket.SendAsync("queued before connecting 2");
        await client.Socket.ConnectAsync().Within();

        Assert.Equal(
            ["welcome 1", "welcome 2", "queued before connecting 1", "queued before connecting 2"],
            (await client.ReceiveAsync(4)).Select(m => m.Text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Many_messages_from_the_server_arrive_once_and_in_order(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(AnyOrigin);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var session = await server.Events.ConnectedAsync(client.Socket.SessionId!);

        for (var i = 0; i < 1000; i++)
        {
            session.Send(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var received = await client.ReceiveAsync(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Select(m => m.Text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_json_object_message_arrives_as_sent(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(AnyOrigin);
        await using var client = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
        var sent = Message.FromJson("{\"a\":[1,2,{\"b\":null}],\"c\":\"é\"}");

        await client.Socket.SendAsync(sent);

        Assert.Equal(sent.ToJsonString(), (await client.ReceiveAsync()).ToJsonString());
    }
}
