namespace Typed.Server.Tests.Rooms;

/// <summary>A session is in its rooms from its opening to its end, however it ends.</summary>
public sealed class RoomSessionEndTests
{
    public static TheoryData<string> Endings() => ["leaves", "times out", "is disconnected"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task A_session_that_ends_leaves_every_room(string ending)
    {
        await using var server = await SocketServerHost.StartEchoAsync(options => options.Timeout = TimeSpan.FromMilliseconds(300));
        // Both on WebSockets, attached until the end, so that only the dropped one can time out.
        await using var leaver = await Member.OpenAsync(server);
        await using var staying = await Member.OpenAsync(server);
        Assert.True(leaver.Client.Join("lobby"));
        Assert.True(leaver.Client.Join("games"));
        staying.Client.Join("lobby");

        var ended = server.Events.DisconnectedAsync(leaver.SessionId);
        await EndAsync(leaver, ending);
        await ended;

        // An ended session names the rooms it was in, for disconnection handlers, but is in none.
        Assert.Equal(["games", "lobby"], leaver.Client.Rooms.Order());
        Assert.Equal([staying.Client], server.Listener.ClientsIn("lobby"));
        Assert.Empty(server.Listener.ClientsIn("games"));
        Assert.Equal([staying.SessionId], await server.Listener.Cluster.SessionsInRoomAsync("lobby"));
        Assert.Equal(0, await server.Listener.Cluster.CountInRoomAsync("games"));
        Assert.False(leaver.Client.Join("lobby"));
        Assert.False(leaver.Client.Join("news"));
        Assert.Equal(["games", "lobby"], leaver.Client.Rooms.Order());
        Assert.Equal([staying.Client], server.Listener.ClientsIn("lobby"));
        server.Listener.To("lobby", "games").Send("after the end");
        Assert.Equal("after the end", await staying.ReceiveAsync());
    }

    [Fact]
    public async Task A_join_made_before_the_handshake_holds_and_a_room_send_made_then_rides_in_the_first_frame()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        server.Listener.ClientConnecting += client =>
        {
            client.Join("early");
            server.Listener.To("early").Send(client.SessionId + " arrived");
        };

        await using var first = server.Wire(TransportNames.WebSocket);
        var firstFrame = await first.OpenAsync();
        await using var second = server.Wire(TransportNames.XhrPolling);
        var secondFrame = await second.OpenAsync();

        Assert.Equal([first.SessionId + " arrived"], firstFrame.Select(m => m.Text));
        Assert.Equal([second.SessionId + " arrived"], secondFrame.Select(m => m.Text));
        Assert.Equal(second.SessionId + " arrived", (await first.ReceiveAsync()).Text);
        var firstClient = await server.Events.ConnectedAsync(first.SessionId);
        await server.Events.ConnectedAsync(second.SessionId);
        Assert.Equal(["early"], firstClient.Rooms);
        Assert.Equal(2, server.Listener.ClientsIn("early").Count);
    }

    private static async Task EndAsync(Member member, string ending)
    {
        switch (ending)
        {
            case "leaves":
                await member.Wire.LeaveAsync();
                break;
            case "times out":
                await member.Wire.DropAsync();
                break;
            default:
                member.Client.Disconnect();
                break;
        }
    }
}
