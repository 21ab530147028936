using System.Collections.Concurrent;

namespace Typed.Server.Rooms;

/// <summary>
/// This node's rooms by name (case-sensitive), each with its members here. A room exists while
/// it has a member: the last one to leave takes it out of the index.
/// </summary>
internal sealed class RoomIndex
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    public void Add(string name, Client client)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(name, static _ => new Room());
            if (room.TryAdd(client))
            {
                return;
            }

            // Emptied by its last member's leave, which takes it out next; take it out now and make a new one.
            _rooms.TryRemove(KeyValuePair.Create(name, room));
        }
    }

    public void Remove(string name, Client client)
    {
        if (_rooms.TryGetValue(name, out var room) && room.Remove(client))
        {
            _rooms.TryRemove(KeyValuePair.Create(name, room));
        }
    }

    /// <summary>The room's members on this node; empty for a room with none here.</summary>
    public Client[] Members(string name) => _rooms.TryGetValue(name, out var room) ? room.Members : [];
}
