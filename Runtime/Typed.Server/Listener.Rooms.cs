using Typed.Framing;
using Typed.Messages;
using Typed.Server.Rooms;
using Typed.Server.Sessions;

namespace Typed.Server;

/// <summary>Rooms: named sets of sessions that sends address, on this node and across the cluster.</summary>
public sealed partial class Listener
{
    private readonly RoomIndex _rooms = new();

    /// <summary>
    /// Every member of the given rooms, once each however many of them it is in, on whichever node
    /// holds it (Socket.IO's <c>io.to(room)</c>, SignalR's <c>Clients.Groups</c>); narrow it with
    /// <see cref="Recipients.Except"/>. Room names are case-sensitive.
    /// </summary>
    public Recipients To(params string[] rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        if (rooms.Length == 0 || Array.IndexOf(rooms, null) >= 0)
        {
            throw new ArgumentException("Name at least one room, and no null.", nameof(rooms));
        }

        // A copy, so that a caller who changes its array afterwards does not change the recipients.
        string[] targets = rooms.Length == 1 ? [rooms[0]] : [.. rooms.Distinct(StringComparer.Ordinal)];
        return new Recipients((message, except) => SendToRooms(targets, message, except), [], targets.Length == 1 ? $"room {targets[0]}" : $"rooms {string.Join(", ", targets)}");
    }

    /// <summary>
    /// This node's sessions in the room, from their join to their end (between connections too, and
    /// before the handshake if they joined then); <see cref="Cluster.SessionsInRoomAsync"/> lists every node's.
    /// </summary>
    public IReadOnlyCollection<Client> ClientsIn(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return _rooms.Members(room);
    }

    /// <summary>Sends a message to the members of the rooms on this node except the given session ids, each once, encoding its frame once.</summary>
    internal void SendToRoomsHere(string[] rooms, Message message, string[] except)
    {
        Outgoing? item = null;
        var excluded = new Excluded(except);
        if (rooms.Length == 1)
        {
            Deliver(_rooms.Members(rooms[0]), message, excluded, ref item);
            return;
        }

        // A member of several of the rooms is sent the message once.
        HashSet<Client> members = [];
        foreach (var room in rooms)
        {
            members.UnionWith(_rooms.Members(room));
        }

        Deliver([.. members], message, excluded, ref item);
    }

    internal void OnJoined(Client client, string room)
    {
        _rooms.Add(room, client);
        _backplane?.RoomJoined(client.SessionId, room);
    }

    internal void OnLeft(Client client, string room)
    {
        _rooms.Remove(room, client);
        _backplane?.RoomLeft(client.SessionId, room);
    }

    private void SendToRooms(string[] rooms, Message message, string[] except)
    {
        SendToRoomsHere(rooms, message, except);
        _backplane?.SendToRooms(rooms, message, except);
    }

    /// <summary>Queues a message on each client not excluded, its frame encoded once, by the first.</summary>
    private static void Deliver(ReadOnlySpan<Client> clients, Message message, Excluded excluded, ref Outgoing? item)
    {
        foreach (var client in clients)
        {
            if (!excluded.Contains(client.SessionId))
            {
                item ??= new Outgoing(message, ServerFrame.Encode(message));
                client.Session.Enqueue(item.Value);
            }
        }
    }
}
