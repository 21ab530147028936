namespace Typed.Server.Tests;

public sealed class BroadcastTests
{
    [Fact]
    public async Task A_broadcast_reaches_every_connected_client_on_every_transport()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var room = await Room.OpenAsync(server, websockets: 2, polling: 1);

        server.Listener.Broadcast("to everyone");

        foreach (var member in room.Members)
        {
            Assert.Equal("to everyone", (await member.ReceiveAsync()).Text);
        }
    }

    [Fact]
    public async Task A_broadcast_skips_the_excepted_session()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var room = await Room.OpenAsync(server, websockets: 2, polling: 1);
        var skipped = room.Members[0];

        server.Listener.Broadcast("not to the first", skipped.SessionId);

        await AssertReceivedAsync(room.Members[1..], "not to the first");
        await AssertNotReceivedAsync(server, skipped);
    }

    [Fact]
    public async Task A_broadcast_skips_several_excepted_sessions()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var room = await Room.OpenAsync(server, websockets: 3, polling: 1);
        var skipped = new[] { room.Members[0], room.Members[3] };

        server.Listener.Broadcast(Message.FromJson("{\"to\":\"some\"}"), [.. skipped.Select(m => m.SessionId)]);

        foreach (var member in room.Members[1..3])
        {
            Assert.Equal("{\"to\":\"some\"}", (await member.ReceiveAsync()).ToJsonString());
        }

        foreach (var member in skipped)
        {
            await AssertNotReceivedAsync(server, member);
        }
    }

    [Fact]
    public async Task A_client_broadcast_reaches_everyone_but_the_sender()
    {
        await using var server = await SocketServerHost.StartAsync(setup: listener =>
            listener.ClientMessage += (client, message) => client.Broadcast(message));
        await using var room = await Room.OpenAsync(server, websockets: 2, polling: 1);
        var sender = room.Members[2];

        await sender.SendAsync("from the poller");

        await AssertReceivedAsync(room.Members[..2], "from the poller");
        await AssertNotReceivedAsync(server, sender);
    }

    [Fact]
    public async Task A_client_that_is_polling_between_requests_gets_the_broadcast_queued()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        using var polling = server.Polling();
        await polling.OpenAsync();
        await server.Events.ConnectedAsync(polling.SessionId);

        server.Listener.Broadcast("one");
        server.Listener.Broadcast("two");

        Assert.Equal(["one", "two"], (await polling.PollForAsync(2)).Select(m => m.Text));
    }

    private static async Task AssertReceivedAsync(IEnumerable<TransportWire> members, string text)
    {
        foreach (var member in members)
        {
            Assert.Equal(text, (await member.ReceiveAsync()).Text);
        }
    }

    // Messages to one session keep their order: if the broadcast had been queued for this member,
    // it would arrive before a message sent to it directly afterwards.
    private static async Task AssertNotReceivedAsync(SocketServerHost server, TransportWire member)
    {
        server.Listener.ClientsIndex[member.SessionId].Send("direct");
        Assert.Equal("direct", (await member.ReceiveAsync()).Text);
    }
}
