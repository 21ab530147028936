using System.Collections.Concurrent;

namespace Typed.Server.Identity;

/// <summary>
/// This node's connected clients by user id, so that a send to a user costs what the user's
/// sessions cost, not what the node's do. A user's clients are an array replaced whole on every
/// change: a send reads it without a lock, and a user has few sessions.
/// </summary>
internal sealed class UserSessions
{
    private readonly ConcurrentDictionary<string, Client[]> _byUser = new(StringComparer.Ordinal);

    public void Add(string userId, Client client) =>
        _byUser.AddOrUpdate(
            userId,
            static (_, client) => [client],
            static (_, clients, client) => Array.IndexOf(clients, client) >= 0 ? clients : [.. clients, client],
            client);

    public void Remove(string userId, Client client)
    {
        while (_byUser.TryGetValue(userId, out var clients) && Array.IndexOf(clients, client) >= 0)
        {
            var left = Array.FindAll(clients, other => other != client);

            // Replaced only if unchanged meanwhile (arrays compare by reference), else tried again.
            if (left.Length == 0 ? _byUser.TryRemove(KeyValuePair.Create(userId, clients)) : _byUser.TryUpdate(userId, left, clients))
            {
                return;
            }
        }
    }

    /// <summary>The user's connected clients on this node; empty for a user with none.</summary>
    public Client[] Of(string userId) => _byUser.TryGetValue(userId, out var clients) ? clients : [];
}
