namespace Typed.Redis;

/// <summary>
/// The cluster's bookkeeping, as Lua scripts so that each change is atomic however many nodes run
/// it at once. ARGV[1] is the prefix of every key.
/// </summary>
internal static class NodeScripts
{
    // Takes a node and its sessions out of the cluster (a session that moved is left alone).
    private const string RemoveNode = """
        local function remove(prefix, node)
          local sessions = prefix .. 'node:' .. node .. ':sessions'
          for _, id in ipairs(redis.call('SMEMBERS', sessions)) do
            if redis.call('HGET', prefix .. 'sessions', id) == node then
              redis.call('HDEL', prefix .. 'sessions', id)
            end
          end
          redis.call('DEL', sessions, prefix .. 'node:' .. node)
          redis.call('SREM', prefix .. 'nodes', node)
        end
        """;

    /// <summary>Every node whose heartbeat has expired is removed; returns how many. ARGV[2]: the sweeping node.</summary>
    public const string Sweep = RemoveNode + """

        local removed = 0
        for _, node in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'nodes')) do
          if node ~= ARGV[2] and redis.call('EXISTS', ARGV[1] .. 'node:' .. node) == 0 then
            remove(ARGV[1], node)
            removed = removed + 1
          end
        end
        return removed
        """;

    /// <summary>A node that stops takes itself out. ARGV[2]: the node.</summary>
    public const string Leave = RemoveNode + """

        remove(ARGV[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// An envelope for a session, published on the channel of the node that holds it, in one
    /// command: so that sends leave in the order they were made. Returns -1 when no node holds the
    /// session, else how many subscribers heard it. ARGV[2]: the session; ARGV[3]: the envelope.
    /// </summary>
    public const string SendToSession = """
        local node = redis.call('HGET', ARGV[1] .. 'sessions', ARGV[2])
        if not node then
          return -1
        end
        return redis.call('PUBLISH', ARGV[1] .. 'to:' .. node, ARGV[3])
        """;

    /// <summary>
    /// A node's heartbeat, and, when ARGV[4] is '1', its sessions written afresh (after Redis lost
    /// them). ARGV[2]: the node; ARGV[3]: the heartbeat's lifetime in ms; ARGV[5..]: its session ids.
    /// Returns 0 when the node was not in the cluster (its first beat, or swept meanwhile), else 1.
    /// </summary>
    public const string Heartbeat = """
        local prefix, node = ARGV[1], ARGV[2]
        redis.call('SET', prefix .. 'node:' .. node, '1', 'PX', ARGV[3])
        local member = redis.call('SADD', prefix .. 'nodes', node) == 0
        if ARGV[4] == '1' then
          local sessions = prefix .. 'node:' .. node .. ':sessions'
          redis.call('DEL', sessions)
          for i = 5, #ARGV do
            redis.call('SADD', sessions, ARGV[i])
            redis.call('HSET', prefix .. 'sessions', ARGV[i], node)
          end
        end
        if member then return 1 else return 0 end
        """;
}
