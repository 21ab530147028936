namespace Typed.Server.Sessions;

/// <summary>
/// The rooms the session is in. They belong to the session, not to a connection: they outlive
/// reconnections and changes of transport, and the session leaves them all when it ends. An ended
/// session still names the rooms it was in, so that disconnection handlers can tell them it left.
/// </summary>
internal sealed partial class Session
{
    // Orders each change with the listener's index and the backplane's.
    private readonly Gate _roomsGate = new();

    // Replaced whole on every change, before the change reaches the index, and read without the
    // gate: a backplane reads them under its own lock, which a change takes inside the gate. Kept
    // as they were when the session ended.
    private string[] _rooms = [];
    private volatile bool _roomsClosed;

    /// <summary>The rooms the session is in now: none once it has ended.</summary>
    public IReadOnlyCollection<string> Rooms => _roomsClosed ? [] : Volatile.Read(ref _rooms);

    /// <summary>The rooms the session is in or, once it has ended, the rooms it was in then.</summary>
    public IReadOnlyCollection<string> RoomsOrLastRooms => Volatile.Read(ref _rooms);

    /// <summary>Joins a room; false when the session is in it already, or over.</summary>
    public bool Join(string room)
    {
        lock (_roomsGate)
        {
            if (_roomsClosed || Array.IndexOf(_rooms, room) >= 0)
            {
                return false;
            }

            Volatile.Write(ref _rooms, [.. _rooms, room]);
            _listener.OnJoined(Client, room);
            return true;
        }
    }

    /// <summary>Leaves a room; false when the session was not in it.</summary>
    public bool Leave(string room)
    {
        lock (_roomsGate)
        {
            if (_roomsClosed || Array.IndexOf(_rooms, room) < 0)
            {
                return false;
            }

            Volatile.Write(ref _rooms, Array.FindAll(_rooms, other => other != room));
            _listener.OnLeft(Client, room);
            return true;
        }
    }

    /// <summary>
    /// Leaves every room for good, once the session has ended; a later join or leave does nothing,
    /// and <see cref="RoomsOrLastRooms"/> goes on naming the rooms it was in.
    /// </summary>
    public void LeaveAllRooms()
    {
        lock (_roomsGate)
        {
            if (_roomsClosed)
            {
                return;
            }

            _roomsClosed = true;
            foreach (var room in _rooms)
            {
                _listener.OnLeft(Client, room);
            }
        }
    }
}
