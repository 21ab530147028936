using Typed.TestContracts;

namespace Typed.Server.Tests.Rooms;

/// <summary>Typed events sent to rooms reach the .NET client handlers of the members only, and ask nothing.</summary>
public sealed class RoomTypedEventTests
{
    [Fact]
    public async Task Events_sent_to_a_room_reach_the_handlers_of_its_members_only()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var ann = await ChatMember.ConnectAsync(server, "ann", TransportNames.WebSocket);
        await using var bob = await ChatMember.ConnectAsync(server, "bob", TransportNames.XhrPolling);
        await using var eve = await ChatMember.ConnectAsync(server, "eve", TransportNames.WebSocket);
        ann.Client.Join("lobby");
        bob.Client.Join("lobby");
        eve.Client.Join("elsewhere");

        var lobby = server.Listener.To("lobby").Events<IChatClient>();
        lobby.Said("server", "hello, lobby");
        lobby.Joined("bob", 2);

        foreach (var member in new[] { ann, bob })
        {
            Assert.Equal("server: hello, lobby", await member.View.NextAsync());
            Assert.Equal("bob joined (2)", await member.View.NextAsync());
        }

        await eve.AssertToldNothingAsync();
    }

    [Fact]
    public async Task Events_a_member_sends_to_its_room_reach_the_other_members_handlers_only()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var ann = await ChatMember.ConnectAsync(server, "ann", TransportNames.WebSocket);
        await using var bob = await ChatMember.ConnectAsync(server, "bob", TransportNames.HtmlFile);
        await using var eve = await ChatMember.ConnectAsync(server, "eve", TransportNames.WebSocket);
        ann.Client.Join("lobby");
        bob.Client.Join("lobby");

        ann.Client.To("lobby").Events<IChatClient>().Said("ann", "hi, all");
        server.Listener.To("lobby", "elsewhere").Except(bob.Client.SessionId).Events<IChatClient>().Said("server", "not for bob");

        Assert.Equal("ann: hi, all", await bob.View.NextAsync());
        Assert.Equal("server: not for bob", await ann.View.NextAsync());
        await ann.AssertToldNothingAsync();
        await bob.AssertToldNothingAsync();
        await eve.AssertToldNothingAsync();
    }

    [Fact]
    public async Task Asking_through_a_room_sender_throws_and_names_the_rooms()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var ann = await ChatMember.ConnectAsync(server, "ann", TransportNames.WebSocket);
        ann.Client.Join("lobby");

        var one = await Assert.ThrowsAsync<NotSupportedException>(() => server.Listener.To("lobby").Events<IChatClient>().WhoAreYou());
        var several = await Assert.ThrowsAsync<NotSupportedException>(() => server.Listener.To("lobby", "games").Except(ann.Client.SessionId).Events<IChatClient>().WhoAreYou());
        var fromMember = await Assert.ThrowsAsync<NotSupportedException>(() => ann.Client.To("lobby").Events<IChatClient>().WhoAreYou());

        Assert.Contains("room lobby", one.Message, StringComparison.Ordinal);
        Assert.Contains("rooms lobby, games", several.Message, StringComparison.Ordinal);
        Assert.Contains("room lobby", fromMember.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IChatClient.WhoAreYou), one.Message, StringComparison.Ordinal);

        // Nothing was sent: the next event ann is told is one sent to it alone.
        await ann.AssertToldNothingAsync();
    }

    /// <summary>A .NET client handling <see cref="IChatClient"/>, with its server-side client.</summary>
    private sealed class ChatMember(ClientProbe probe, ChatView view, Client client) : IAsyncDisposable
    {
        public ChatView View { get; } = view;

        public Client Client { get; } = client;

        public static async Task<ChatMember> ConnectAsync(SocketServerHost server, string name, string transport)
        {
            var probe = await ClientProbe.ConnectAsync(server, ClientProbe.Options(transport));
            var view = new ChatView(name);
            probe.Socket.Handle<IChatClient>(view);
            return new ChatMember(probe, view, await server.Events.ConnectedAsync(probe.Socket.SessionId!));
        }

        // Events to one session keep their order: had a room's event been sent to this member, its
        // handler would have been told it before this one.
        public async Task AssertToldNothingAsync()
        {
            Client.Events<IChatClient>().Said("direct", "to this member");
            Assert.Equal("direct: to this member", await View.NextAsync());
        }

        public ValueTask DisposeAsync() => probe.DisposeAsync();
    }
}
