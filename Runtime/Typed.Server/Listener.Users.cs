using Typed.Messages;
using Typed.Server.Identity;
using Typed.Server.Sessions;

namespace Typed.Server;

/// <summary>Addressing users: every connected session of a user, on every node.</summary>
public sealed partial class Listener
{
    private readonly UserSessions _userSessions = new();

    /// <summary>
    /// Every connected session of the user whose <see cref="Client.UserId"/> is
    /// <paramref name="userId"/>, except the given session ids, on whichever node holds it (as
    /// SignalR's <c>Clients.User</c>). Anonymous sessions belong to no user.
    /// </summary>
    public Recipients User(string userId, params string[] except)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(except);
        return new Recipients((message, exceptToo) => SendToUser(userId, message, exceptToo), except, $"user {userId}");
    }

    /// <summary>The user's connected clients on this node.</summary>
    internal IReadOnlyList<Client> ClientsOfUser(string userId) => _userSessions.Of(userId);

    /// <summary>Sends a message to the user's clients on this node except the given session ids, encoding its frame once.</summary>
    internal void SendToUserHere(string userId, Message message, string[] except)
    {
        Outgoing? item = null;
        Deliver(_userSessions.Of(userId), message, new Excluded(except), ref item);
    }

    private void SendToUser(string userId, Message message, string[] except)
    {
        SendToUserHere(userId, message, except);
        _backplane?.SendToUser(userId, message, except);
    }

    private void IndexUser(Client client)
    {
        if (client.UserId is { } userId)
        {
            _userSessions.Add(userId, client);
        }
    }

    private void UnindexUser(Client client)
    {
        if (client.UserId is { } userId)
        {
            _userSessions.Remove(userId, client);
        }
    }
}
