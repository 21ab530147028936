using StackExchange.Redis;

namespace Typed.Redis;

/// <summary>The users of a room's members, read from the cluster's index in one round trip.</summary>
internal sealed partial class RedisBackplane
{
    /// <summary>
    /// Each member's user, looked up in the users of the node that holds it, each user once.
    /// ARGV[2]: the room.
    /// </summary>
    private const string UsersInRoomScript = """
        local prefix = ARGV[1]
        local members = redis.call('HGETALL', prefix .. 'room:' .. ARGV[2])
        local users, seen = {}, {}
        for i = 1, #members, 2 do
          local user = redis.call('HGET', prefix .. 'node:' .. members[i + 1] .. ':users', members[i])
          if user and not seen[user] then
            seen[user] = true
            users[#users + 1] = user
          end
        end
        return users
        """;

    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<string>> UsersInRoomAsync(string room, CancellationToken cancellationToken)
    {
        var users = await Connected.GetDatabase().ScriptEvaluateAsync(UsersInRoomScript, values: [_options.Prefix, room]).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. ((RedisResult[])users!).Select(user => user.ToString())];
    }
}
