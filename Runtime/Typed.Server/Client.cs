using System.Security.Claims;
using Typed.Events;
using Typed.Events.Generated;
using Typed.Messages;
using Typed.Server.Sessions;

namespace Typed.Server;

/// <summary>
/// One session on the server, as the 2010 server's <c>Client</c>: it outlives its connections,
/// queues what is sent while no downstream is attached, and sends it as one frame when one is.
/// </summary>
public sealed class Client
{
    private SenderCache _senders;

    internal Client(Session session) => Session = session;

    /// <summary>The session's machinery, which transports and the listener work with.</summary>
    internal Session Session { get; }

    /// <summary>The sender of <typeparamref name="T"/>'s events to this client (the same one each time); events with a result wait for its answer.</summary>
    public T Events<T>()
        where T : class => _senders.GetOrAdd(Session, static session => EventContract<T>.CreateSender(new Events.ClientEventSink(session)));

    /// <summary>A sender of <typeparamref name="T"/>'s events to every other connected client.</summary>
    public T Broadcast<T>()
        where T : class => Listener.Events<T>(SessionId);

    /// <summary>
    /// Whether the client asked for acknowledged delivery: every message numbered and kept until
    /// acknowledged, in both directions, so nothing is lost or handed over twice across reconnections.
    /// </summary>
    public bool Acknowledged => Session.Acknowledged;

    /// <summary>The session's id, random and URL-safe, as the handshake gave it to the client.</summary>
    public string SessionId => Session.SessionId;

    /// <summary>
    /// Who opened the session, as ASP.NET Core authenticated its first request; an anonymous
    /// principal when nobody did. Every later request of the session must be the same user.
    /// </summary>
    public ClaimsPrincipal User => Session.Identity.User;

    /// <summary>The user's id, as the <see cref="Identity.IUserIdProvider"/> reads it from <see cref="User"/>; null for anonymous sessions.</summary>
    public string? UserId => Session.Identity.UserId;

    /// <summary>The transport the session was opened with.</summary>
    public string Transport => Session.Transport;

    /// <summary>The listener that holds the session.</summary>
    public Listener Listener => Session.Listener;

    /// <summary>True while the handshake is done and a downstream is attached.</summary>
    public bool Connected => Session.Connected;

    /// <summary>
    /// The bytes of messages queued for the client, and with acknowledged delivery of those sent and
    /// not yet acknowledged: what counts against <see cref="SocketServerOptions.MaxQueuedBytes"/>.
    /// </summary>
    public long QueuedBytes => Session.QueuedBytes;

    /// <summary>How many times a downstream attached to the session.</summary>
    public int Connections => Session.Connections;

    /// <summary>Why the session ended, or null while it lives.</summary>
    public DisconnectReason? DisconnectReason => Session.Ended;

    /// <summary>Sends a message: at once when a downstream is waiting, else when one attaches.</summary>
    public void Send(Message message) => Session.Enqueue(new Outgoing(message, default));

    /// <summary>Sends a plain string message, delivered exactly as given.</summary>
    public void Send(string text) => Send(Message.FromText(text));

    /// <summary>Sends a message to every other connected client.</summary>
    public void Broadcast(Message message) => Listener.Broadcast(message, SessionId);

    /// <inheritdoc cref="Broadcast(Message)"/>
    public void Broadcast(string text) => Broadcast(Message.FromText(text));

    /// <summary>
    /// The rooms the session is in. They belong to the session, so they outlive reconnections and
    /// changes of transport; a session leaves them all when it ends, and then names the rooms it
    /// was in, so that a <see cref="Listener.ClientDisconnected"/> handler can tell them it left.
    /// </summary>
    public IReadOnlyCollection<string> Rooms => Session.RoomsOrLastRooms;

    /// <summary>Joins a room (names are case-sensitive); false when the session is in it already, or over.</summary>
    public bool Join(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return Session.Join(room);
    }

    /// <summary>Leaves a room; false when the session was not in it.</summary>
    public bool Leave(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return Session.Leave(room);
    }

    /// <summary>Every other member of the given rooms, on whichever node holds it (Socket.IO's <c>socket.to(room)</c>).</summary>
    public Recipients To(params string[] rooms) => Listener.To(rooms).Except(SessionId);

    /// <summary>Ends the session now; queued messages are dropped.</summary>
    public void Disconnect() => Session.End(Server.DisconnectReason.ServerDisconnect);

    /// <summary>The session id.</summary>
    public override string ToString() => SessionId;
}
