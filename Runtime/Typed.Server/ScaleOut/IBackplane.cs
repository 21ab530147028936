using Typed.Messages;

namespace Typed.Server.ScaleOut;

/// <summary>
/// What joins the listeners of several server nodes into one: broadcasts to the other nodes, sends
/// to a session another node holds, and the index of every node's connected clients. With none
/// configured a listener is a cluster of one and pays nothing for it.
/// </summary>
/// <remarks>
/// A listener calls every member from whichever thread it is on; none may block on the network.
/// The members that return tasks are the only ones that wait for the other nodes.
/// </remarks>
public interface IBackplane
{
    /// <summary>This node's id in the cluster, unique to this process.</summary>
    string NodeId { get; }

    /// <summary>Gives the backplane the local listener, for what other nodes send here. Called once, before any other member.</summary>
    void Attach(IBackplaneReceiver receiver);

    /// <summary>Sends a message to every other node's connected clients except the given session ids (this node has delivered its own already).</summary>
    void Broadcast(Message message, string[] except);

    /// <summary>Sends a message to a session held by another node; false when no live node holds it.</summary>
    Task<bool> SendAsync(string sessionId, Message message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a message to every session of a user on the other nodes except the given session ids
    /// (this node has delivered to its own already): once to each, in the order of the calls.
    /// </summary>
    void SendToUser(string userId, Message message, string[] except);

    /// <summary>
    /// Sends a message to every member of the rooms on the other nodes, once each, except the
    /// given session ids (this node has delivered to its own already): in the order of this node's
    /// calls, its broadcasts' among them.
    /// </summary>
    void SendToRooms(string[] rooms, Message message, string[] except);

    /// <summary>A session on this node joined a room: the cluster's index of rooms holds it.</summary>
    void RoomJoined(string sessionId, string room);

    /// <summary>A session on this node left a room (each of its rooms when it ends, before <see cref="SessionEnded"/>).</summary>
    void RoomLeft(string sessionId, string room);

    /// <summary>A session on this node is connected: it joins the cluster's index, with its user's id (null for an anonymous session).</summary>
    void SessionConnected(string sessionId, string? userId);

    /// <summary>A session on this node is over: it leaves the cluster's index.</summary>
    void SessionEnded(string sessionId);

    /// <summary>How many clients are connected to the whole cluster.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>The session ids of every client connected to the cluster.</summary>
    Task<IReadOnlyCollection<string>> SessionIdsAsync(CancellationToken cancellationToken);

    /// <summary>The session ids of every client of a user connected to the cluster.</summary>
    Task<IReadOnlyCollection<string>> SessionsOfUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The session ids of every member of a room, on every node.</summary>
    Task<IReadOnlyCollection<string>> SessionsInRoomAsync(string room, CancellationToken cancellationToken);

    /// <summary>The ids of the users with a session in a room, on every node, each once.</summary>
    Task<IReadOnlyCollection<string>> UsersInRoomAsync(string room, CancellationToken cancellationToken);

    /// <summary>How many sessions are in a room, on every node.</summary>
    Task<long> CountInRoomAsync(string room, CancellationToken cancellationToken);

    /// <summary>The node that holds a session, or null when no live node does.</summary>
    Task<string?> NodeOfAsync(string sessionId, CancellationToken cancellationToken);
}
