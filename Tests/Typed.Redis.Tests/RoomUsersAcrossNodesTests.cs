using Typed.Testing.Identity;

namespace Typed.Redis.Tests;

/// <summary>
/// The users in a room, read from any node: each user once however many of their sessions are in
/// it, on whichever nodes; anonymous members name nobody; a user goes with their last member.
/// </summary>
public sealed class RoomUsersAcrossNodesTests
{
    [Fact]
    public async Task Every_node_lists_a_room_s_users_once_each_until_their_last_session_leaves_or_ends()
    {
        await using var cluster = await ThreeNodes.StartAsync(services: builder => builder.AddTestAuthentication());
        var annHere = await JoinAsync(cluster, 0, "ann");
        var annThere = await JoinAsync(cluster, 1, "ann");
        var bob = await JoinAsync(cluster, 2, "bob");
        await JoinAsync(cluster, 1, user: null);
        var roomsWhenEnded = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Nodes[1].Listener.ClientDisconnected += client =>
        {
            if (client == annThere)
            {
                roomsWhenEnded.TrySetResult([.. client.Rooms]);
            }
        };

        await WaitForUsersAsync(cluster, ["ann", "bob"]);
        Assert.True(annHere.Leave("games"));
        await Wait.UntilAsync(async () => await cluster.Nodes[2].Listener.Cluster.CountInRoomAsync("games") == 3, "the index has ann's first session out of the room");
        await WaitForUsersAsync(cluster, ["ann", "bob"]);

        // Her last session ends: she is gone from the room, and the ended session still names it.
        annThere.Disconnect();
        Assert.Equal(["games"], await roomsWhenEnded.Task.Within());
        await WaitForUsersAsync(cluster, ["bob"]);
        Assert.False(annThere.Join("games"));
        Assert.True(bob.Leave("games"));
        await WaitForUsersAsync(cluster, []);
    }

    /// <summary>A client of <paramref name="user"/> (none: anonymous) on a node, joined to "games" by the server.</summary>
    private static async Task<Typed.Server.Client> JoinAsync(ThreeNodes cluster, int node, string? user)
    {
        var probe = await cluster.ConnectAsync(node, TransportNames.WebSocket, options =>
        {
            if (user is not null)
            {
                options.Headers["Authorization"] = "Bearer " + TestAuthentication.Token(user);
            }
        });
        var client = await cluster.Nodes[node].Events.ConnectedAsync(probe.Socket.SessionId!);
        Assert.True(client.Join("games"));
        return client;
    }

    private static async Task WaitForUsersAsync(ThreeNodes cluster, string[] users)
    {
        foreach (var node in cluster.Nodes)
        {
            await Wait.UntilAsync(
                async () => (await node.Listener.Cluster.UsersInRoomAsync("games")).Order(StringComparer.Ordinal).SequenceEqual(users),
                $"node {node.Listener.Cluster.NodeId} lists {string.Join(", ", users)} in the room");
        }
    }
}
