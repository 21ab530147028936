using StackExchange.Redis;

namespace Typed.Redis;

/// <summary>The keys and channels of one cluster, all under the configured prefix.</summary>
internal sealed class RedisNames(string prefix, string nodeId)
{
    public string Prefix { get; } = prefix;

    /// <summary>Every node's broadcasts.</summary>
    public RedisChannel Broadcasts { get; } = RedisChannel.Literal(prefix + "broadcast");

    /// <summary>Messages for this node's sessions.</summary>
    public RedisChannel ThisNode { get; } = RedisChannel.Literal(prefix + "to:" + nodeId);

    /// <summary>Session id → node id, for every connected client of the cluster.</summary>
    public RedisKey Sessions { get; } = prefix + "sessions";

    /// <summary>The ids of the nodes that have joined.</summary>
    public RedisKey Nodes { get; } = prefix + "nodes";

    /// <summary>This node's heartbeat: a key that expires unless renewed.</summary>
    public RedisKey Alive { get; } = prefix + "node:" + nodeId;

    /// <summary>This node's sessions, so that they can be taken out of the index when it dies.</summary>
    public RedisKey NodeSessions { get; } = prefix + "node:" + nodeId + ":sessions";

    public static RedisChannel NodeChannel(string prefix, string nodeId) => RedisChannel.Literal(prefix + "to:" + nodeId);
}
