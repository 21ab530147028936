using Typed.TestContracts;
using Typed.Testing.Identity;

namespace Typed.Server.Tests.Identity;

/// <summary>Sends to every session of a user, on one node: the user's sessions get them, no one else's do.</summary>
public sealed class UserAddressingTests
{
    [Fact]
    public async Task A_message_sent_to_a_user_reaches_each_of_their_sessions_on_every_transport_and_no_other_session()
    {
        await using var server = await StartAsync();
        await using var annOverWebSocket = await OpenAsync(server, TransportNames.WebSocket, "ann");
        await using var annOverPolling = await OpenAsync(server, TransportNames.XhrPolling, "ann");
        await using var annOverStreaming = await OpenAsync(server, TransportNames.HtmlFile, "ann");
        await using var bob = await OpenAsync(server, TransportNames.WebSocket, "bob");
        await using var anonymous = await OpenAsync(server, TransportNames.WebSocket, user: null);

        server.Listener.User("ann").Send("for ann");
        server.Listener.User("ann").Send(Message.FromJson("{\"to\":\"ann\"}"));

        foreach (var ann in new TransportWire[] { annOverWebSocket, annOverPolling, annOverStreaming })
        {
            Assert.Equal(["for ann", "{\"to\":\"ann\"}"], (await ann.ReceiveAsync(2)).Select(m => m.ToString()));
        }

        await AssertNotReceivedAsync(server, bob);
        await AssertNotReceivedAsync(server, anonymous);
        Assert.Equal(
            new[] { annOverWebSocket.SessionId, annOverPolling.SessionId, annOverStreaming.SessionId }.Order(),
            (await server.Listener.Cluster.SessionsOfUserAsync("ann")).Order());
    }

    [Fact]
    public async Task A_send_to_a_user_skips_the_excepted_sessions()
    {
        await using var server = await StartAsync();
        await using var first = await OpenAsync(server, TransportNames.WebSocket, "ann");
        await using var second = await OpenAsync(server, TransportNames.XhrPolling, "ann");
        await using var third = await OpenAsync(server, TransportNames.WebSocket, "ann");

        server.Listener.User("ann", first.SessionId).Send("not for the first");
        server.Listener.User("ann", first.SessionId, third.SessionId).Send("for the second only");

        Assert.Equal(["not for the first", "for the second only"], (await second.ReceiveAsync(2)).Select(m => m.Text));
        Assert.Equal("not for the first", (await third.ReceiveAsync()).Text);
        await AssertNotReceivedAsync(server, first);
        await AssertNotReceivedAsync(server, third);
    }

    [Fact]
    public async Task Typed_events_sent_to_a_user_reach_the_handlers_of_each_of_their_sessions_and_cannot_expect_an_answer()
    {
        await using var server = await StartAsync();
        var ann = new List<ChatView>();
        var clients = new List<ClientProbe>();
        foreach (var (transport, user) in new[] { (TransportNames.WebSocket, "ann"), (TransportNames.XhrPolling, "ann"), (TransportNames.WebSocket, "bob") })
        {
            var options = ClientProbe.Options(transport);
            options.Headers["Authorization"] = "Bearer " + TestAuthentication.Token(user);
            var client = await ClientProbe.ConnectAsync(server, options);
            await server.Events.ConnectedAsync(client.Socket.SessionId!);
            var view = new ChatView(user);
            client.Socket.Handle<IChatClient>(view);
            clients.Add(client);
            if (user == "ann")
            {
                ann.Add(view);
            }
        }

        try
        {
            var toAnn = server.Listener.User("ann").Events<IChatClient>();
            toAnn.Said("bob", "hello, ann");
            toAnn.Joined("bob", 2);

            foreach (var view in ann)
            {
                Assert.Equal("bob: hello, ann", await view.NextAsync());
                Assert.Equal("bob joined (2)", await view.NextAsync());
            }

            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => toAnn.WhoAreYou());
            Assert.Contains("user ann", refused.Message, StringComparison.Ordinal);

            // Bob's client would have had ann's events before this message, which comes after them.
            server.Listener.ClientsIndex[clients[2].Socket.SessionId!].Send("direct");
            Assert.Equal("direct", (await clients[2].ReceiveAsync()).Text);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_session_that_ended_is_no_longer_addressed_and_a_new_one_of_the_same_user_is()
    {
        await using var server = await StartAsync();
        await using var leaving = await OpenAsync(server, TransportNames.WebSocket, "ann");
        await using var staying = await OpenAsync(server, TransportNames.XhrPolling, "ann");

        var left = server.Events.DisconnectedAsync(leaving.SessionId);
        await leaving.LeaveAsync();
        await left;
        await using var arriving = await OpenAsync(server, TransportNames.WebSocket, "ann");

        server.Listener.User("ann").Send("after the first left");

        Assert.Equal("after the first left", (await staying.ReceiveAsync()).Text);
        Assert.Equal("after the first left", (await arriving.ReceiveAsync()).Text);
        Assert.Equal(new[] { staying.SessionId, arriving.SessionId }.Order(), (await server.Listener.Cluster.SessionsOfUserAsync("ann")).Order());

        var stayingLeft = server.Events.DisconnectedAsync(staying.SessionId);
        var arrivingLeft = server.Events.DisconnectedAsync(arriving.SessionId);
        await staying.LeaveAsync();
        await arriving.LeaveAsync();
        await Task.WhenAll(stayingLeft, arrivingLeft);
        Assert.Empty(await server.Listener.Cluster.SessionsOfUserAsync("ann"));
        server.Listener.User("ann").Send("to nobody"); // a user with no session left is no error
    }

    [Fact]
    public async Task Anonymous_sessions_belong_to_no_user_and_are_never_addressed()
    {
        await using var server = await StartAsync();
        await using var anonymous = await OpenAsync(server, TransportNames.WebSocket, user: null);
        await using var ann = await OpenAsync(server, TransportNames.WebSocket, "ann");

        server.Listener.User(string.Empty).Send("to the empty user id");
        server.Listener.User("ann").Send("to ann");

        Assert.Equal("to ann", (await ann.ReceiveAsync()).Text);
        await AssertNotReceivedAsync(server, anonymous);
        Assert.Null(server.Listener.ClientsIndex[anonymous.SessionId].UserId);
        Assert.Empty(await server.Listener.Cluster.SessionsOfUserAsync(string.Empty));
    }

    private static Task<SocketServerHost> StartAsync() =>
        SocketServerHost.StartEchoAsync(services: builder => builder.AddTestAuthentication());

    /// <summary>A session of <paramref name="user"/> (a bearer token's subject; none for an anonymous one), connected.</summary>
    private static async Task<TransportWire> OpenAsync(SocketServerHost server, string transport, string? user)
    {
        var wire = server.Wire(transport);
        if (user is not null)
        {
            wire.SetHeader("Authorization", "Bearer " + TestAuthentication.Token(user));
        }

        await wire.OpenAsync();
        await server.Events.ConnectedAsync(wire.SessionId);
        return wire;
    }

    // Messages to one session keep their order: had the send to a user been queued for this
    // session, it would arrive before a message sent to it directly afterwards.
    private static async Task AssertNotReceivedAsync(SocketServerHost server, TransportWire wire)
    {
        server.Listener.ClientsIndex[wire.SessionId].Send("direct");
        Assert.Equal("direct", (await wire.ReceiveAsync()).Text);
    }
}
