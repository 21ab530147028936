namespace Typed.Server.Rooms;

/// <summary>
/// One room's members on this node. Joins and leaves take a lock; a send reads a snapshot made
/// once per change, so that sending to a room costs what its members cost and takes no lock.
/// </summary>
internal sealed class Room
{
    private readonly Gate _gate = new();
    private readonly HashSet<Client> _members = [];
    private Client[]? _snapshot;
    private bool _retired;

    /// <summary>The members now, an array that is never changed once handed out.</summary>
    public Client[] Members
    {
        get
        {
            if (Volatile.Read(ref _snapshot) is { } snapshot)
            {
                return snapshot;
            }

            lock (_gate)
            {
                return _snapshot ??= [.. _members];
            }
        }
    }

    /// <summary>Adds a member; false when the room was emptied and dropped from the index meanwhile, so that the caller makes a new one.</summary>
    public bool TryAdd(Client client)
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            if (_members.Add(client))
            {
                _snapshot = null;
            }

            return true;
        }
    }

    /// <summary>Removes a member; true when the room is empty now, and retired for good.</summary>
    public bool Remove(Client client)
    {
        lock (_gate)
        {
            if (_members.Remove(client))
            {
                _snapshot = null;
            }

            _retired = _members.Count == 0;
            return _retired;
        }
    }
}
