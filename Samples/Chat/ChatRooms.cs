using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>
/// Who is in which room, as the socket server's rooms say on every server of the cluster: the
/// sample keeps no list of its own. People are users, not tabs: a user enters a room with their
/// first tab in it, and leaves with their last.
/// </summary>
public sealed partial class ChatRooms(RoomHistory history, ILogger<ChatRooms> logger) : IDisposable
{
    /// <summary>The room every session enters first, and never leaves.</summary>
    public const string Lobby = "lobby";

    private const int LongestName = 30;

    // Comings and goings on this server, one at a time, so that each is judged after the one
    // before and everyone hears them in the order they happened.
    private readonly SemaphoreSlim _changes = new(1, 1);

    public static bool IsRoomName(string room) =>
        room.Length is > 0 and <= LongestName && !room.Any(char.IsWhiteSpace);

    public async Task<int> EnterAsync(Client client, string room)
    {
        if (!IsRoomName(room))
        {
            return 0;
        }

        var user = UserOf(client);
        await _changes.WaitAsync();
        try
        {
            // Asked before joining: two tabs entering at once on two servers are both announced,
            // rather than neither.
            var before = await client.Listener.Cluster.UsersInRoomAsync(room);
            var first = !before.Contains(user, StringComparer.Ordinal);
            history.Enter(client, room);
            List<string> members = [.. before.Append(user).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            // The list before the announcement, so that whoever reads the one has the other.
            if (first)
            {
                client.Listener.To(room).Events<IChatClient>().Members(room, members);
                client.To(room).Events<IChatClient>().Announced(room, $"{user} joined #{room}");
            }
            else
            {
                client.Events<IChatClient>().Members(room, members);
            }

            return members.Count;
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task LeaveAsync(Client client, string room)
    {
        if (room == Lobby)
        {
            return;
        }

        var user = UserOf(client);
        await _changes.WaitAsync();
        try
        {
            if (client.Leave(room))
            {
                await AnnounceIfGoneAsync(client.Listener, user, room);
            }
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Called as a session ends, which has left its rooms already: tells each room whose last
    /// session of the user it was. Starts waiting for its turn at once, so that a tab that comes
    /// back over another transport is heard leaving before it is heard entering.
    /// </summary>
    public async Task EndedAsync(Client client)
    {
        if (client.UserId is not { } user)
        {
            return;
        }

        await _changes.WaitAsync();
        try
        {
            foreach (var room in client.Rooms)
            {
                await AnnounceIfGoneAsync(client.Listener, user, room);
            }
        }
        catch (Exception e)
        {
            LogNotAnnounced(logger, e, user);
        }
        finally
        {
            _changes.Release();
        }
    }

    public void Dispose() => _changes.Dispose();

    // Asked after leaving: two tabs leaving at once on two servers are both announced, rather than neither.
    private static async Task AnnounceIfGoneAsync(Listener listener, string user, string room)
    {
        var users = await listener.Cluster.UsersInRoomAsync(room);
        if (!users.Contains(user, StringComparer.Ordinal))
        {
            listener.To(room).Events<IChatClient>().Members(room, [.. users.Order(StringComparer.Ordinal)]);
            listener.To(room).Events<IChatClient>().Announced(room, $"{user} left #{room}");
        }
    }

    // The socket endpoint requires sign-in, so every session has a user.
    internal static string UserOf(Client client) =>
        client.UserId ?? throw new InvalidOperationException("The chat's sessions are opened by signed-in users only.");

    [LoggerMessage(1, LogLevel.Warning, "Could not tell {User}'s rooms that they left")]
    private static partial void LogNotAnnounced(ILogger logger, Exception exception, string user);
}
