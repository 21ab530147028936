namespace Typed.Server.Tests.Rooms;

/// <summary>Joining and leaving rooms on one node: who a send to a room reaches, and what membership reads.</summary>
public sealed class RoomMembershipTests
{
    [Fact]
    public async Task A_send_to_a_room_reaches_its_members_on_every_transport_and_no_one_else()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var overWebSocket = await Member.OpenAsync(server, TransportNames.WebSocket);
        await using var overPolling = await Member.OpenAsync(server, TransportNames.XhrPolling);
        await using var overStreaming = await Member.OpenAsync(server, TransportNames.ServerEvents);
        await using var outsider = await Member.OpenAsync(server);
        foreach (var member in new[] { overWebSocket, overPolling, overStreaming })
        {
            Assert.True(member.Client.Join("lobby"));
        }

        server.Listener.To("lobby").Send("to the lobby");
        server.Listener.To("lobby").Send(Message.FromJson("{\"to\":\"lobby\"}"));

        foreach (var member in new[] { overWebSocket, overPolling, overStreaming })
        {
            Assert.Equal(["to the lobby", "{\"to\":\"lobby\"}"], (await member.Wire.ReceiveAsync(2)).Select(m => m.ToString()));
        }

        await outsider.AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task A_member_that_leaves_gets_nothing_more_and_the_others_still_do()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var leaving = await Member.OpenAsync(server);
        await using var staying = await Member.OpenAsync(server, TransportNames.XhrPolling);
        leaving.Client.Join("lobby");
        staying.Client.Join("lobby");
        server.Listener.To("lobby").Send("before");
        Assert.Equal("before", await leaving.ReceiveAsync());

        Assert.True(leaving.Client.Leave("lobby"));
        Assert.False(leaving.Client.Leave("lobby"));
        server.Listener.To("lobby").Send("after");

        Assert.Equal(["before", "after"], await staying.ReceiveAsync(2));
        await leaving.AssertNothingQueuedAsync();
        Assert.Empty(leaving.Client.Rooms);
        Assert.Equal([staying.Client], server.Listener.ClientsIn("lobby"));
    }

    [Fact]
    public async Task Joining_twice_is_harmless_and_the_member_gets_each_send_once()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var member = await Member.OpenAsync(server);

        Assert.True(member.Client.Join("lobby"));
        Assert.False(member.Client.Join("lobby"));
        server.Listener.To("lobby").Send("once");

        Assert.Equal("once", await member.ReceiveAsync());
        await member.AssertNothingQueuedAsync();
        Assert.Equal(["lobby"], member.Client.Rooms);
        Assert.Single(server.Listener.ClientsIn("lobby"));

        // One leave undoes the two joins.
        Assert.True(member.Client.Leave("lobby"));
        Assert.Empty(server.Listener.ClientsIn("lobby"));
    }

    [Fact]
    public async Task Room_names_are_case_sensitive()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var upper = await Member.OpenAsync(server);
        await using var lower = await Member.OpenAsync(server);
        Assert.True(upper.Client.Join("Lobby"));
        Assert.True(lower.Client.Join("lobby"));

        server.Listener.To("Lobby").Send("to Lobby");
        server.Listener.To("lobby").Send("to lobby");
        server.Listener.To("LOBBY").Send("to LOBBY");

        Assert.Equal("to Lobby", await upper.ReceiveAsync());
        Assert.Equal("to lobby", await lower.ReceiveAsync());
        await upper.AssertNothingQueuedAsync();
        await lower.AssertNothingQueuedAsync();
        Assert.Equal([upper.Client], server.Listener.ClientsIn("Lobby"));
        Assert.Empty(server.Listener.ClientsIn("LOBBY"));
        Assert.False(upper.Client.Leave("lobby"));
    }

    [Fact]
    public async Task Membership_reads_the_same_from_the_client_the_listener_and_the_cluster_on_one_node()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var ann = await Member.OpenAsync(server);
        await using var bob = await Member.OpenAsync(server, TransportNames.XhrPolling);
        ann.Client.Join("lobby");
        ann.Client.Join("games");
        bob.Client.Join("lobby");

        Assert.Equal(["games", "lobby"], ann.Client.Rooms.Order(StringComparer.Ordinal));
        Assert.Equal(["lobby"], bob.Client.Rooms);
        Assert.Equal(new[] { ann.SessionId, bob.SessionId }.Order(), server.Listener.ClientsIn("lobby").Select(c => c.SessionId).Order());
        Assert.Equal([ann.Client], server.Listener.ClientsIn("games"));
        Assert.Empty(server.Listener.ClientsIn("nobody's"));
        Assert.Equal(new[] { ann.SessionId, bob.SessionId }.Order(), (await server.Listener.Cluster.SessionsInRoomAsync("lobby")).Order());
        Assert.Equal(2, await server.Listener.Cluster.CountInRoomAsync("lobby"));
        Assert.Equal([ann.SessionId], await server.Listener.Cluster.SessionsInRoomAsync("games"));
        Assert.Equal(1, await server.Listener.Cluster.CountInRoomAsync("games"));
        Assert.Empty(await server.Listener.Cluster.SessionsInRoomAsync("nobody's"));
        Assert.Equal(0, await server.Listener.Cluster.CountInRoomAsync("nobody's"));

        ann.Client.Leave("lobby");

        Assert.Equal(["games"], ann.Client.Rooms);
        Assert.Equal([bob.SessionId], await server.Listener.Cluster.SessionsInRoomAsync("lobby"));
        Assert.Equal(1, await server.Listener.Cluster.CountInRoomAsync("lobby"));
    }

    [Fact]
    public async Task A_send_to_a_room_with_no_members_reaches_no_one()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var outsider = await Member.OpenAsync(server);
        await using var former = await Member.OpenAsync(server);
        former.Client.Join("emptied");
        former.Client.Leave("emptied");

        server.Listener.To("never joined").Send("to no one");
        server.Listener.To("emptied").Send("to no one either");

        await outsider.AssertNothingQueuedAsync();
        await former.AssertNothingQueuedAsync();
    }
}
