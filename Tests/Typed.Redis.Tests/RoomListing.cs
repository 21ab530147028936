namespace Typed.Redis.Tests;

/// <summary>Waits until the cluster's index of a room, as every node reads it, lists exactly the given sessions.</summary>
internal static class RoomListing
{
    public static async Task WaitUntilListedAsync(IEnumerable<SocketServerHost> nodes, string room, IEnumerable<string> sessionIds, TimeSpan? within = null)
    {
        var expected = sessionIds.Order(StringComparer.Ordinal).ToArray();
        foreach (var node in nodes)
        {
            var cluster = node.Listener.Cluster;
            await Wait.UntilAsync(
                async () => await ListsAsync(cluster, room, expected),
                $"node {cluster.NodeId} lists [{string.Join(", ", expected)}] in {room}",
                within);
        }
    }

    private static async Task<bool> ListsAsync(Typed.Server.Cluster cluster, string room, string[] expected)
    {
        try
        {
            return (await cluster.SessionsInRoomAsync(room)).Order(StringComparer.Ordinal).SequenceEqual(expected)
                && await cluster.CountInRoomAsync(room) == expected.Length;
        }
        catch (StackExchange.Redis.RedisConnectionException)
        {
            return false; // a node that has not reconnected to Redis yet is refused until it has
        }
    }
}
