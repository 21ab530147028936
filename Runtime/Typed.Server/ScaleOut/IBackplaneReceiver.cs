using Typed.Messages;

namespace Typed.Server.ScaleOut;

/// <summary>The local listener as a backplane sees it: delivery to this node's clients only.</summary>
public interface IBackplaneReceiver
{
    /// <summary>Sends a message that another node broadcast to this node's connected clients except the given ones, encoding its frame once.</summary>
    void Broadcast(Message message, string[] except);

    /// <summary>Sends a message that another node sent to a user to the user's clients connected to this node except the given ones, encoding its frame once.</summary>
    void SendToUser(string userId, Message message, string[] except);

    /// <summary>Sends a message that another node sent to rooms to their members on this node except the given ones, once each, encoding its frame once.</summary>
    void SendToRooms(string[] rooms, Message message, string[] except);

    /// <summary>
    /// The rooms a session on this node is in (none for a session it does not hold), for writing
    /// the cluster's index afresh. It takes no lock that a join holds: a backplane may read it
    /// under the lock its <see cref="IBackplane.RoomJoined"/> takes.
    /// </summary>
    IReadOnlyCollection<string> RoomsOf(string sessionId);

    /// <summary>Sends a message to a client connected to this node; false when there is none by that id.</summary>
    bool Send(string sessionId, Message message);

    /// <summary>The session ids of the clients connected to this node now.</summary>
    IReadOnlyCollection<string> SessionIds { get; }
}
