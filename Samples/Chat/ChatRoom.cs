using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>
/// Who is here and what was said lately. People are users, not sessions: a user with two tabs is
/// here once, joins with the first and leaves with the last.
/// </summary>
public sealed class ChatRoom
{
    private const int Remembered = 15;

    // The joined sessions of each user who is here; changed and announced under its own lock, so
    // that everyone hears a user's comings and goings in the order they happened.
    private readonly Dictionary<string, HashSet<string>> _sessionsByUser = new(StringComparer.Ordinal);
    private readonly Queue<(long Number, string Line)> _history = new();

    // Lines are numbered from a random start, so that a number from another server of the
    // cluster, or from before a restart, never matches a line a page has already shown.
    private long _next = Random.Shared.NextInt64(1, 1L << 52);

    public int Join(Client client)
    {
        var user = UserOf(client);
        lock (_history)
        {
            var first = _history.TryPeek(out var oldest) ? oldest.Number : _next;
            client.Events<IChatClient>().History(first, [.. _history.Select(entry => entry.Line)]);
        }

        lock (_sessionsByUser)
        {
            if (!_sessionsByUser.TryGetValue(user, out var sessions))
            {
                _sessionsByUser[user] = sessions = new HashSet<string>(StringComparer.Ordinal);
                client.Broadcast<IChatClient>().Announced($"{user} joined");
            }

            sessions.Add(client.SessionId);
            return _sessionsByUser.Count;
        }
    }

    public long Say(Client client, string text)
    {
        var user = UserOf(client);
        lock (_history)
        {
            var number = _next++;
            _history.Enqueue((number, $"{user}: {text}"));
            while (_history.Count > Remembered)
            {
                _history.Dequeue();
            }

            // To every other session, the sender's other tabs too. Sent under the lock, so that
            // every page gets the lines in the order of their numbers.
            client.Broadcast<IChatClient>().Said(number, user, text);
            return number;
        }
    }

    /// <summary>
    /// Sends a whisper to every tab of <paramref name="to"/> and to the sender's other tabs (the
    /// sending tab shows it on the answer), through <see cref="Listener.User"/>, which reaches the
    /// user's sessions on every node. Answers whether <paramref name="to"/> is here.
    /// </summary>
    public async Task<bool> WhisperAsync(Client client, string to, string text)
    {
        var from = UserOf(client);
        if (!await IsHereAsync(client.Listener, to))
        {
            return false;
        }

        // Leaving out the sending session matters only for a whisper to oneself.
        client.Listener.User(to, client.SessionId).Events<IChatClient>().Whispered(from, to, text);
        if (!string.Equals(to, from, StringComparison.Ordinal))
        {
            client.Listener.User(from, client.SessionId).Events<IChatClient>().Whispered(from, to, text);
        }

        return true;
    }

    public void Left(Client client)
    {
        if (client.UserId is not { } user)
        {
            return;
        }

        lock (_sessionsByUser)
        {
            if (_sessionsByUser.TryGetValue(user, out var sessions) && sessions.Remove(client.SessionId) && sessions.Count == 0)
            {
                _sessionsByUser.Remove(user);
                client.Listener.Events<IChatClient>(client.SessionId).Announced($"{user} left");
            }
        }
    }

    // Joined this server's room; else connected anywhere in the cluster, to another server whose
    // room this one does not see.
    private async Task<bool> IsHereAsync(Listener listener, string user)
    {
        lock (_sessionsByUser)
        {
            if (_sessionsByUser.ContainsKey(user))
            {
                return true;
            }
        }

        return (await listener.Cluster.SessionsOfUserAsync(user)).Count > 0;
    }

    // The socket endpoint requires sign-in, so every session has a user.
    private static string UserOf(Client client) =>
        client.UserId ?? throw new InvalidOperationException("The chat's sessions are opened by signed-in users only.");
}
