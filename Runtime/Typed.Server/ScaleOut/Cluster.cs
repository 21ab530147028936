using Typed.Server.ScaleOut;

namespace Typed.Server;

/// <summary>
/// The connected clients of every node: through the backplane when one is configured, else this
/// node's own (a cluster of one).
/// </summary>
public sealed class Cluster
{
    private readonly Listener _listener;
    private readonly IBackplane? _backplane;

    internal Cluster(Listener listener, IBackplane? backplane)
    {
        _listener = listener;
        _backplane = backplane;
        NodeId = backplane?.NodeId ?? "local";
    }

    /// <summary>This node's id.</summary>
    public string NodeId { get; }

    /// <summary>How many clients are connected to the cluster.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _backplane?.CountAsync(cancellationToken) ?? Task.FromResult((long)_listener.ClientsIndex.Count);

    /// <summary>The session ids of every client connected to the cluster.</summary>
    public Task<IReadOnlyCollection<string>> SessionIdsAsync(CancellationToken cancellationToken = default) =>
        _backplane?.SessionIdsAsync(cancellationToken) ?? Task.FromResult<IReadOnlyCollection<string>>([.. _listener.ClientsIndex.Keys]);

    /// <summary>The session ids of every client of a user connected to the cluster; anonymous clients belong to no user.</summary>
    public Task<IReadOnlyCollection<string>> SessionsOfUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return _backplane?.SessionsOfUserAsync(userId, cancellationToken)
            ?? Task.FromResult<IReadOnlyCollection<string>>([.. _listener.ClientsOfUser(userId).Select(client => client.SessionId)]);
    }

    /// <summary>The session ids of every member of a room, on every node.</summary>
    public Task<IReadOnlyCollection<string>> SessionsInRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        return _backplane?.SessionsInRoomAsync(room, cancellationToken)
            ?? Task.FromResult<IReadOnlyCollection<string>>([.. _listener.ClientsIn(room).Select(client => client.SessionId)]);
    }

    /// <summary>
    /// The ids of the users with a session in a room, on every node, each once however many of its
    /// sessions are in it; anonymous members name no user.
    /// </summary>
    public Task<IReadOnlyCollection<string>> UsersInRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        return _backplane?.UsersInRoomAsync(room, cancellationToken)
            ?? Task.FromResult<IReadOnlyCollection<string>>([.. _listener.ClientsIn(room).Select(client => client.UserId).OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>How many sessions are in a room, on every node.</summary>
    public Task<long> CountInRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        return _backplane?.CountInRoomAsync(room, cancellationToken) ?? Task.FromResult((long)_listener.ClientsIn(room).Count);
    }

    /// <summary>The id of the node a session's client is connected to, or null when it is connected nowhere.</summary>
    public Task<string?> NodeOfAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (_listener.ClientsIndex.ContainsKey(sessionId))
        {
            return Task.FromResult<string?>(NodeId);
        }

        return _backplane?.NodeOfAsync(sessionId, cancellationToken) ?? Task.FromResult<string?>(null);
    }
}
