using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Typed.Framing;
using Typed.Messages;
using Typed.Server.Identity;
using Typed.Server.Logging;
using Typed.Server.ScaleOut;
using Typed.Server.Sessions;
using Typed.Server.Timing;

namespace Typed.Server;

/// <summary>
/// The server side of the protocol, as the 2010 server's <c>Listener</c>: every session indexed
/// by id, the connected clients, the client events, and broadcast.
/// </summary>
public sealed partial class Listener
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Client> _connected = new(StringComparer.Ordinal);
    private readonly ILogger<Listener> _logger;
    private readonly IServiceProvider _services;
    private readonly IBackplane? _backplane;

    /// <summary>
    /// Made by dependency injection: register it with <c>services.AddSockets()</c> and take the one
    /// instance from the services. A null <paramref name="timeProvider"/> uses the system clock; a
    /// null <paramref name="backplane"/> makes this node a cluster of one.
    /// </summary>
    public Listener(IOptions<SocketServerOptions> options, ILogger<Listener> logger, IServiceProvider services, TimeProvider? timeProvider = null, IBackplane? backplane = null)
    {
        Options = options.Value;
        _logger = logger;
        _services = services;
        Time = timeProvider ?? TimeProvider.System;
        Timers = new TimingWheel(Time, TimingWheel.DefaultTick);
        _backplane = backplane;
        Cluster = new Cluster(this, backplane);
        backplane?.Attach(new LocalDelivery(this));
        _handlers.DetailedErrors = Options.DetailedErrors;
        Users = services.GetService<IUserIdProvider>() ?? new NameIdentifierUserIdProvider();
    }

    /// <summary>The server's options, as they were when the listener was made.</summary>
    public SocketServerOptions Options { get; }

    /// <summary>
    /// A session was opened and its handshake is about to go out. Messages sent now ride in the
    /// first frame, right after the session id.
    /// </summary>
    public event Action<Client>? ClientConnecting;

    /// <summary>The handshake frame was written: the client is connected.</summary>
    public event Action<Client>? ClientConnected;

    /// <summary>A message arrived; raised once per message, in the order the client sent them.</summary>
    public event Action<Client, Message>? ClientMessage;

    /// <summary>A connected client's session is over; raised once.</summary>
    public event Action<Client>? ClientDisconnected;

    /// <summary>A snapshot of the connected clients.</summary>
    public IReadOnlyCollection<Client> Clients => [.. _connected.Select(pair => pair.Value)];

    /// <summary>The connected clients by session id.</summary>
    public IReadOnlyDictionary<string, Client> ClientsIndex => _connected;

    /// <summary>The connected clients of every node, when a backplane joins this one to others.</summary>
    public Cluster Cluster { get; }

    internal TimeProvider Time { get; }

    /// <summary>The one timer of every session's heartbeats and timeouts, on <see cref="Time"/>.</summary>
    internal TimingWheel Timers { get; }

    /// <summary>Says which user a session belongs to.</summary>
    internal IUserIdProvider Users { get; }

    internal ILogger Logger => _logger;

    /// <summary>
    /// Sends a message to every connected client except the given session ids, encoding its frame
    /// once; with a backplane, to those of every node.
    /// </summary>
    public void Broadcast(Message message, params string[] except)
    {
        BroadcastHere(message, except);
        _backplane?.Broadcast(message, except);
    }

    /// <summary>
    /// Sends a message to one session's client, on whichever node it is connected to; false when
    /// it is connected to none.
    /// </summary>
    public Task<bool> SendAsync(string sessionId, Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return SendHere(sessionId, message)
            ? Task.FromResult(true)
            : _backplane?.SendAsync(sessionId, message, cancellationToken) ?? Task.FromResult(false);
    }

    /// <summary>Sends a message to a client connected to this node; false when there is none by that id.</summary>
    internal bool SendHere(string sessionId, Message message)
    {
        if (!_connected.TryGetValue(sessionId, out var client))
        {
            return false;
        }

        client.Send(message);
        return true;
    }

    /// <inheritdoc cref="SendAsync(string, Message, CancellationToken)"/>
    public Task<bool> SendAsync(string sessionId, string text, CancellationToken cancellationToken = default) =>
        SendAsync(sessionId, Message.FromText(text), cancellationToken);

    /// <summary>Sends a message to this node's connected clients except the given session ids, encoding its frame once.</summary>
    internal void BroadcastHere(Message message, string[] except)
    {
        if (_connected.IsEmpty)
        {
            return;
        }

        var item = new Outgoing(message, ServerFrame.Encode(message));
        var excluded = new Excluded(except);
        // Enumerating the dictionary itself takes no locks, unlike its Values snapshot.
        foreach (var (_, client) in _connected)
        {
            if (!excluded.Contains(client.SessionId))
            {
                client.Session.Enqueue(item);
            }
        }
    }

    /// <inheritdoc cref="Broadcast(Message, string[])"/>
    public void Broadcast(string text, params string[] except) => Broadcast(Message.FromText(text), except);

    /// <summary>Ends every session, as when the application stops.</summary>
    public void DisconnectAll(DisconnectReason reason = DisconnectReason.Shutdown)
    {
        foreach (var session in _sessions.Values)
        {
            session.End(reason);
        }
    }

    internal Session OpenSession(string transport, bool acknowledged, Framing.SessionTiming timing, SessionIdentity identity)
    {
        while (true)
        {
            var session = new Session(this, SessionIds.Create(), transport, acknowledged, timing, identity);
            if (_sessions.TryAdd(session.SessionId, session))
            {
                Log.SessionOpened(_logger, session.SessionId, transport);
                Raise(ClientConnecting, session.Client, nameof(ClientConnecting));
                return session;
            }
        }
    }

    /// <summary>The sessions open on this node, connected or not.</summary>
    internal int SessionCount => _sessions.Count;

    internal bool TryGetSession(string sessionId, out Session session) =>
        _sessions.TryGetValue(sessionId, out session!) && !session.IsEnded;

    internal void IndexConnected(Client client)
    {
        _connected[client.SessionId] = client;
        IndexUser(client);
        _backplane?.SessionConnected(client.SessionId, client.UserId);
    }

    internal void OnConnected(Client client)
    {
        Log.ClientConnected(_logger, client.SessionId);
        Raise(ClientConnected, client, nameof(ClientConnected));
        if (HasConnectedHooks)
        {
            _ = RunConnectedHooksAsync(client);
        }
    }

    internal void OnMessage(Client client, Message message)
    {
        try
        {
            if (!TryHandleTyped(client, message))
            {
                ClientMessage?.Invoke(client, message);
            }
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e, nameof(ClientMessage), client.SessionId);
        }
    }

    internal void OnSlowConsumer(Session session, long queuedBytes) =>
        Log.SlowConsumer(_logger, session.SessionId, queuedBytes, Options.MaxQueuedBytes);

    internal void OnEnded(Session session, bool wasConnected, DisconnectReason reason)
    {
        var client = session.Client;
        _sessions.TryRemove(session.SessionId, out _);
        session.LeaveAllRooms();
        if (_connected.TryRemove(session.SessionId, out _))
        {
            UnindexUser(client);
            _backplane?.SessionEnded(session.SessionId);
        }

        if (!wasConnected)
        {
            return;
        }

        Log.ClientDisconnected(_logger, client.SessionId, reason);
        Raise(ClientDisconnected, client, nameof(ClientDisconnected));
        StartDisconnectedHooks(client);
    }

    private void Raise(Action<Client>? handlers, Client client, string name)
    {
        try
        {
            handlers?.Invoke(client);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e, name, client.SessionId);
        }
    }
}
