namespace Typed.Redis;

/// <summary>
/// The cluster's bookkeeping, as Lua scripts so that each change is atomic however many nodes run
/// it at once. ARGV[1] is the prefix of every key.
/// </summary>
internal static class NodeScripts
{
    // Takes a node's sessions out of the index, and their users' and rooms' entries (a session that
    // moved is left alone). A membership is "session id\nroom"; a session id holds no newline.
    private const string ForgetSessions = """
        local function forget(prefix, node)
          local sessions = prefix .. 'node:' .. node .. ':sessions'
          for _, id in ipairs(redis.call('SMEMBERS', sessions)) do
            if redis.call('HGET', prefix .. 'sessions', id) == node then
              redis.call('HDEL', prefix .. 'sessions', id)
            end
          end
          local users = prefix .. 'node:' .. node .. ':users'
          local owners = redis.call('HGETALL', users)
          for i = 1, #owners, 2 do
            local user = prefix .. 'user:' .. owners[i + 1]
            if redis.call('HGET', user, owners[i]) == node then
              redis.call('HDEL', user, owners[i])
            end
          end
          local rooms = prefix .. 'node:' .. node .. ':rooms'
          for _, membership in ipairs(redis.call('SMEMBERS', rooms)) do
            local cut = string.find(membership, '\n', 1, true)
            local id, room = string.sub(membership, 1, cut - 1), prefix .. 'room:' .. string.sub(membership, cut + 1)
            if redis.call('HGET', room, id) == node then
              redis.call('HDEL', room, id)
            end
          end
          redis.call('DEL', sessions, users, rooms)
        end
        """;

    // Takes a node and its sessions out of the cluster.
    private const string RemoveNode = ForgetSessions + """

        local function remove(prefix, node)
          forget(prefix, node)
          redis.call('DEL', prefix .. 'node:' .. node)
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
    /// An envelope for a user's sessions, published once on the channel of every other node that
    /// holds one of them, in one command: so that sends leave in the order they were made. Returns
    /// how many subscribers heard it. ARGV[2]: the user; ARGV[3]: the envelope; ARGV[4]: the sending node.
    /// </summary>
    public const string SendToUser = """
        local told = {}
        local heard = 0
        for _, node in ipairs(redis.call('HVALS', ARGV[1] .. 'user:' .. ARGV[2])) do
          if node ~= ARGV[4] and not told[node] then
            told[node] = true
            heard = heard + redis.call('PUBLISH', ARGV[1] .. 'to:' .. node, ARGV[3])
          end
        end
        return heard
        """;

    /// <summary>
    /// A node's heartbeat, and, when ARGV[4] is '1', its sessions written afresh (after Redis lost
    /// them, or kept some that ended meanwhile). ARGV[2]: the node; ARGV[3]: the heartbeat's
    /// lifetime in ms; ARGV[5..]: its sessions, each a session id, its user's id ('' for none), how
    /// many rooms it is in, and their names.
    /// Returns 0 when the node was not in the cluster (its first beat, or swept meanwhile), else 1.
    /// </summary>
    public const string Heartbeat = ForgetSessions + """

        local prefix, node = ARGV[1], ARGV[2]
        redis.call('SET', prefix .. 'node:' .. node, '1', 'PX', ARGV[3])
        local member = redis.call('SADD', prefix .. 'nodes', node) == 0
        if ARGV[4] == '1' then
          forget(prefix, node)
          local i = 5
          while i <= #ARGV do
            local id, user, rooms = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
            redis.call('SADD', prefix .. 'node:' .. node .. ':sessions', id)
            redis.call('HSET', prefix .. 'sessions', id, node)
            if user ~= '' then
              redis.call('HSET', prefix .. 'node:' .. node .. ':users', id, user)
              redis.call('HSET', prefix .. 'user:' .. user, id, node)
            end
            for r = i + 3, i + 2 + rooms do
              redis.call('SADD', prefix .. 'node:' .. node .. ':rooms', id .. '\n' .. ARGV[r])
              redis.call('HSET', prefix .. 'room:' .. ARGV[r], id, node)
            end
            i = i + 3 + rooms
          end
        end
        if member then return 1 else return 0 end
        """;
}
