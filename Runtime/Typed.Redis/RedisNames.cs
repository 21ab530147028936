using StackExchange.Redis;

namespace Typed.Redis;

/// <summary>
/// The keys and channels of one cluster, all under the configured prefix. The Lua scripts in
/// <see cref="NodeScripts"/> build the same names for other nodes (<c>node:{id}</c>, its
/// <c>:sessions</c>, <c>:users</c> and <c>:rooms</c>, <c>nodes</c>, <c>sessions</c>, <c>user:{id}</c>,
/// <c>room:{name}</c>, <c>to:{id}</c>):
/// a change of layout is made in both.
/// </summary>
internal sealed class RedisNames(string prefix, string nodeId)
{
    /// <summary>Every node's broadcasts.</summary>
    public RedisChannel Broadcasts { get; } = RedisChannel.Literal(prefix + "broadcast");

    /// <summary>Messages for this node's sessions.</summary>
    public RedisChannel ThisNode { get; } = RedisChannel.Literal(prefix + "to:" + nodeId);

    /// <summary>Session id → node id, for every connected client of the cluster.</summary>
    public RedisKey Sessions { get; } = prefix + "sessions";

    /// <summary>This node's sessions, so that they can be taken out of the index when it dies.</summary>
    public RedisKey NodeSessions { get; } = prefix + "node:" + nodeId + ":sessions";

    /// <summary>Session id → user id, for this node's sessions that have a user: their users' entries leave with them when it dies.</summary>
    public RedisKey NodeUsers { get; } = prefix + "node:" + nodeId + ":users";

    /// <summary>This node's memberships, each "session id\nroom": they leave their rooms with it when it dies.</summary>
    public RedisKey NodeRooms { get; } = prefix + "node:" + nodeId + ":rooms";

    /// <summary>Session id → node id, for every member of a room.</summary>
    public RedisKey Room(string room) => prefix + "room:" + room;

    /// <summary>A membership as this node's set of them holds it.</summary>
    public static RedisValue Membership(string sessionId, string room) => sessionId + "\n" + room;

    /// <summary>Session id → node id, for every connected client of a user.</summary>
    public RedisKey User(string userId) => prefix + "user:" + userId;
}
