using Typed.Testing.Identity;

namespace Typed.Server.Tests.Rooms;

/// <summary>
/// The users in a room, on one node: each once however many of their sessions are in it,
/// anonymous members naming nobody; a session that ends still names the rooms it was in.
/// </summary>
public sealed class RoomUsersTests
{
    [Fact]
    public async Task A_room_lists_each_user_once_until_their_last_session_ends_and_an_ended_session_names_its_rooms()
    {
        await using var server = await SocketServerHost.StartEchoAsync(services: builder => builder.AddTestAuthentication());
        await using var annOverWebSocket = await JoinAsync(server, TransportNames.WebSocket, "ann");
        await using var annOverPolling = await JoinAsync(server, TransportNames.XhrPolling, "ann");
        await using var bob = await JoinAsync(server, TransportNames.WebSocket, "bob");
        await using var anonymous = await JoinAsync(server, TransportNames.WebSocket, user: null);
        Assert.Equal(["ann", "bob"], (await server.Listener.Cluster.UsersInRoomAsync("games")).Order());

        await annOverWebSocket.LeaveAsync();
        var ended = await server.Events.DisconnectedAsync(annOverWebSocket.SessionId);
        Assert.Equal(["games"], ended.Rooms);
        Assert.Equal(["ann", "bob"], (await server.Listener.Cluster.UsersInRoomAsync("games")).Order());

        // Ended for good: joining or leaving changes nothing, and it is in no room's members.
        Assert.False(ended.Join("chess"));
        Assert.False(ended.Leave("games"));
        Assert.Equal(["games"], ended.Rooms);
        Assert.Equal(3, server.Listener.ClientsIn("games").Count);

        await annOverPolling.LeaveAsync();
        await server.Events.DisconnectedAsync(annOverPolling.SessionId);
        Assert.Equal(["bob"], await server.Listener.Cluster.UsersInRoomAsync("games"));
        Assert.Equal(2, await server.Listener.Cluster.CountInRoomAsync("games"));
    }

    /// <summary>A session of <paramref name="user"/> (a bearer token's subject; none for an anonymous one), connected and joined to "games".</summary>
    private static async Task<TransportWire> JoinAsync(SocketServerHost server, string transport, string? user)
    {
        var wire = server.Wire(transport);
        if (user is not null)
        {
            wire.SetHeader("Authorization", "Bearer " + TestAuthentication.Token(user));
        }

        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        Assert.True(client.Join("games"));
        return wire;
    }
}
