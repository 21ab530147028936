namespace Typed.Redis;

/// <summary>Where the Redis server is, and how the nodes keep track of one another through it.</summary>
public sealed class RedisBackplaneOptions
{
    /// <summary>A StackExchange.Redis configuration string: <c>host:port</c> and options.</summary>
    public string Configuration { get; set; } = "127.0.0.1:6379";

    /// <summary>Put before every key and channel name, so that several applications can share one Redis.</summary>
    public string Prefix { get; set; } = "typed:";

    /// <summary>How often a node tells the others it is alive, and sweeps out those that stopped.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A node not heard from for this long is taken as dead: its clients leave the cluster's index
    /// within this time and one heartbeat more.
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
