using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Typed.Messages;
using Typed.Server.ScaleOut;

namespace Typed.Redis;

/// <summary>
/// The backplane on Redis: broadcasts on one pub/sub channel that every node reads, a channel per
/// node for messages to its sessions and its users' sessions, and the cluster's index (session →
/// node, and per user session → node) in hashes that each node keeps for its own clients and every
/// node sweeps of the nodes whose heartbeat has stopped.
/// </summary>
/// <remarks>
/// A Redis outage stops nothing local: this node's clients are served from memory as ever, what
/// it sends to other nodes waits in the connection's backlog, and once Redis is back the node
/// writes its sessions to the index afresh (a restarted Redis has lost them).
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The token source only stops the heartbeat, which StopAsync does; it makes no timer or wait handle to free.")]
internal sealed partial class RedisBackplane : IBackplane
{
    private readonly RedisBackplaneOptions _options;
    private readonly ILogger _logger;
    private readonly RedisNames _names;
    private readonly OriginSequences _seen = new();
    private readonly Gate _publishing = new();
    private readonly Gate _indexing = new();

    // The kinds of channel, as the origin's numbering counts them.
    private const string BroadcastChannel = ":broadcast";
    private const string DirectChannel = ":direct";

    // The users of this node's sessions that have one, for writing the index afresh and for
    // taking a session's user entry out when it ends.
    private readonly ConcurrentDictionary<string, string> _users = new(StringComparer.Ordinal);
    private IBackplaneReceiver? _receiver;
    private ConnectionMultiplexer? _redis;
    private long _broadcastSequence;
    private long _directSequence;

    // Set when Redis may not hold this node's sessions: at start, and after every reconnection.
    private volatile bool _indexStale = true;

    /// <summary>Made by dependency injection: register it with <c>services.AddRedisBackplane()</c>.</summary>
    public RedisBackplane(IOptions<RedisBackplaneOptions> options, ILogger<RedisBackplane> logger)
    {
        _options = options.Value;
        _logger = logger;
        NodeId = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        _names = new RedisNames(_options.Prefix, NodeId);
    }

    /// <inheritdoc/>
    public string NodeId { get; }

    /// <inheritdoc/>
    public void Attach(IBackplaneReceiver receiver) =>
        _receiver = _receiver is null ? receiver : throw new InvalidOperationException("The backplane serves one listener.");

    /// <inheritdoc/>
    public void Broadcast(Message message, string[] except)
    {
        if (_redis is not { } redis)
        {
            return;
        }

        try
        {
            // The number and the publication are taken together, so that the envelopes leave in
            // the order of their numbers and a receiver can drop what is not above the last.
            lock (_publishing)
            {
                var envelope = Envelope.Broadcast(NodeId, ++_broadcastSequence, except, message);
                redis.GetSubscriber().Publish(_names.Broadcasts, envelope, CommandFlags.FireAndForget);
            }
        }
        catch (Exception e)
        {
            Log.BroadcastFailed(_logger, e);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> SendAsync(string sessionId, Message message, CancellationToken cancellationToken)
    {
        // The lookup and the publication are one command, taken in the order of the calls: a
        // lookup awaited before publishing would let two sends in a row leave the other way round.
        Task<RedisResult> sent;
        lock (_publishing)
        {
            var envelope = Envelope.Direct(NodeId, ++_directSequence, sessionId, message);
            sent = Connected.GetDatabase().ScriptEvaluateAsync(NodeScripts.SendToSession, values: [_options.Prefix, sessionId, envelope]);
        }

        // -1: no node holds it; 0: the node holding it has gone, and the sweep has not seen it yet.
        return (long)await sent.WaitAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public void SendToUser(string userId, Message message, string[] except)
    {
        if (_redis is not { } redis)
        {
            return;
        }

        try
        {
            // As a send to a session: the lookup of the user's nodes and the publications are one
            // command, numbered and sent in the order of the calls.
            lock (_publishing)
            {
                var envelope = Envelope.ToUser(NodeId, ++_directSequence, userId, except, message);
                redis.GetDatabase().ScriptEvaluate(NodeScripts.SendToUser, values: [_options.Prefix, userId, envelope, NodeId], flags: CommandFlags.FireAndForget);
            }
        }
        catch (Exception e)
        {
            Log.SendToUserFailed(_logger, e, userId);
        }
    }

    /// <inheritdoc/>
    public void SendToRooms(string[] rooms, Message message, string[] except)
    {
        if (_redis is not { } redis)
        {
            return;
        }

        try
        {
            // On the broadcasts' channel, numbered with them: every node reads it and hands it to
            // its own members, so a member that joined anywhere a moment ago is reached without a
            // lookup, and this node's broadcasts and sends to rooms arrive in the order they left.
            lock (_publishing)
            {
                var envelope = Envelope.ToRooms(NodeId, ++_broadcastSequence, rooms, except, message);
                redis.GetSubscriber().Publish(_names.Broadcasts, envelope, CommandFlags.FireAndForget);
            }
        }
        catch (Exception e)
        {
            Log.SendToRoomsFailed(_logger, e, string.Join(", ", rooms));
        }
    }

    /// <inheritdoc/>
    public void RoomJoined(string sessionId, string room) => IndexMembership(sessionId, room, joined: true);

    /// <inheritdoc/>
    public void RoomLeft(string sessionId, string room) => IndexMembership(sessionId, room, joined: false);

    private void IndexMembership(string sessionId, string room, bool joined)
    {
        if (_redis is not { } redis)
        {
            return; // written with the rest once connected
        }

        try
        {
            var db = redis.GetDatabase();
            lock (_indexing)
            {
                if (joined)
                {
                    db.HashSet(_names.Room(room), sessionId, NodeId, flags: CommandFlags.FireAndForget);
                    db.SetAdd(_names.NodeRooms, RedisNames.Membership(sessionId, room), CommandFlags.FireAndForget);
                }
                else
                {
                    db.HashDelete(_names.Room(room), sessionId, CommandFlags.FireAndForget);
                    db.SetRemove(_names.NodeRooms, RedisNames.Membership(sessionId, room), CommandFlags.FireAndForget);
                }
            }
        }
        catch (Exception e)
        {
            _indexStale = true;
            Log.IndexFailed(_logger, e, sessionId);
        }
    }

    /// <inheritdoc/>
    public void SessionConnected(string sessionId, string? userId)
    {
        if (userId is not null)
        {
            _users[sessionId] = userId;
        }

        if (_redis is not { } redis)
        {
            return; // written with the rest once connected
        }

        try
        {
            var db = redis.GetDatabase();
            lock (_indexing)
            {
                db.HashSet(_names.Sessions, sessionId, NodeId, flags: CommandFlags.FireAndForget);
                db.SetAdd(_names.NodeSessions, sessionId, CommandFlags.FireAndForget);
                if (userId is not null)
                {
                    db.HashSet(_names.NodeUsers, sessionId, userId, flags: CommandFlags.FireAndForget);
                    db.HashSet(_names.User(userId), sessionId, NodeId, flags: CommandFlags.FireAndForget);
                }
            }
        }
        catch (Exception e)
        {
            _indexStale = true;
            Log.IndexFailed(_logger, e, sessionId);
        }
    }

    /// <inheritdoc/>
    public void SessionEnded(string sessionId)
    {
        var userId = _users.TryRemove(sessionId, out var user) ? user : null;
        if (_redis is not { } redis)
        {
            return;
        }

        try
        {
            var db = redis.GetDatabase();
            lock (_indexing)
            {
                db.HashDelete(_names.Sessions, sessionId, CommandFlags.FireAndForget);
                db.SetRemove(_names.NodeSessions, sessionId, CommandFlags.FireAndForget);
                if (userId is not null)
                {
                    db.HashDelete(_names.NodeUsers, sessionId, CommandFlags.FireAndForget);
                    db.HashDelete(_names.User(userId), sessionId, CommandFlags.FireAndForget);
                }
            }
        }
        catch (Exception e)
        {
            _indexStale = true;
            Log.IndexFailed(_logger, e, sessionId);
        }
    }

    /// <inheritdoc/>
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        await Connected.GetDatabase().HashLengthAsync(_names.Sessions).WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<string>> SessionIdsAsync(CancellationToken cancellationToken)
    {
        var keys = await Connected.GetDatabase().HashKeysAsync(_names.Sessions).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(key => key.ToString())];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<string>> SessionsOfUserAsync(string userId, CancellationToken cancellationToken)
    {
        var keys = await Connected.GetDatabase().HashKeysAsync(_names.User(userId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(key => key.ToString())];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyCollection<string>> SessionsInRoomAsync(string room, CancellationToken cancellationToken)
    {
        var keys = await Connected.GetDatabase().HashKeysAsync(_names.Room(room)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(key => key.ToString())];
    }

    /// <inheritdoc/>
    public async Task<long> CountInRoomAsync(string room, CancellationToken cancellationToken) =>
        await Connected.GetDatabase().HashLengthAsync(_names.Room(room)).WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<string?> NodeOfAsync(string sessionId, CancellationToken cancellationToken)
    {
        var node = await Connected.GetDatabase().HashGetAsync(_names.Sessions, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        return node.IsNull ? null : node.ToString();
    }

    /// <summary>
    /// The connection, for what needs an answer from Redis. While Redis is away this fails at once
    /// rather than waiting out the backlog's timeout: a request refused for a session it does not
    /// know then gets its 404 without delay.
    /// </summary>
    private ConnectionMultiplexer Connected => _redis switch
    {
        null => throw new InvalidOperationException("The Redis backplane has not started."),
        { IsConnected: false } => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is unreachable: the cluster cannot be asked now."),
        var redis => redis,
    };

    /// <summary>An envelope from a node: handed to the local listener once, unless it is this node's own.</summary>
    private void Receive(ChannelMessage delivery, string kind)
    {
        Envelope envelope;
        try
        {
            envelope = Envelope.Decode((ReadOnlyMemory<byte>)delivery.Message);
        }
        catch (FormatException e)
        {
            Log.BadEnvelope(_logger, e);
            return;
        }

        // Its own broadcasts and sends to rooms this node delivered already; its own sends came
        // here because the session is here (it arrived after the listener looked).
        if ((kind == BroadcastChannel && envelope.Origin == NodeId) || !_seen.TryTake(envelope.Origin + kind, envelope.Sequence) || _receiver is not { } receiver)
        {
            return;
        }

        if (envelope.IsBroadcast)
        {
            receiver.Broadcast(envelope.Message, envelope.Except);
        }
        else if (envelope.Rooms is { } rooms)
        {
            receiver.SendToRooms(rooms, envelope.Message, envelope.Except);
        }
        else if (envelope.UserId is { } userId)
        {
            receiver.SendToUser(userId, envelope.Message, envelope.Except);
        }
        else if (!receiver.Send(envelope.SessionId!, envelope.Message))
        {
            Log.SessionGone(_logger, envelope.SessionId!);
        }
    }
}
