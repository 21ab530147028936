using Typed.Events;
using Typed.Framing;
using Typed.Server.Identity;
using Typed.Server.Timing;

namespace Typed.Server.Sessions;

/// <summary>
/// The engine of one session, as the 2010 server's <c>Client</c>: it outlives its connections,
/// queues what is sent while no downstream is attached (<c>Session.Outgoing.cs</c>), hands what
/// arrives to the application in order and once (<c>Session.Incoming.cs</c>), and ends when no
/// downstream has come for its timeout. Users hold its public face, <see cref="Client"/>;
/// transports hold it through <see cref="Downstream"/> and <see cref="IUpstream"/>.
/// </summary>
internal sealed partial class Session
{
    private readonly Listener _listener;

    // Guards the outgoing half and the session's state; the incoming half has a lock of its own
    // (Session.Incoming.cs), and neither is held while application code runs.
    private readonly Gate _gate = new();
    private Downstream? _downstream;
    private readonly WheelTimer _expiry;
    private long _expiresAt = long.MaxValue; // the timestamp the session ends at, unless a downstream attaches first
    private int _connections;
    private DisconnectReason? _ended;
    private readonly AcknowledgedDelivery? _delivery;
    private readonly SessionTiming _timing;
    private readonly TaskCompletionSource? _hooksDone;

    // How long the session waits for a downstream once the last one ended: restarted by any
    // request of the session (an upload too), so that a client whose poll hangs on the way but
    // whose messages keep arriving is not taken for gone.
    private TimeSpan _closeTimeout;

    public Session(Listener listener, string sessionId, string transport, bool acknowledged, SessionTiming timing, SessionIdentity identity)
    {
        _listener = listener;
        _identity = identity;
        _timing = timing;
        SessionId = sessionId;
        Transport = transport;
        _delivery = acknowledged ? new AcknowledgedDelivery() : null;
        Answers = new PendingAnswers(listener.Options.AnswerTimeout, listener.Time);
        Client = new Client(this);
        _expiry = listener.Timers.CreateTimer(static session => ((Session)session!).ExpiryDue(), this);
        StartExpiry(listener.Options.Timeout);
        WatchAuthenticationExpiry();

        // Made before the handshake can go out, so that no message is handed over before the hooks are done.
        _hooksDone = listener.HasConnectedHooks ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    /// <summary>What users hold of the session.</summary>
    public Client Client { get; }

    public Listener Listener => _listener;

    public string SessionId { get; }

    public string Transport { get; }

    public bool Acknowledged => _delivery is not null;

    /// <summary>The events sent to this session's client that wait for its answer.</summary>
    public PendingAnswers Answers { get; }

    public int Connections => Volatile.Read(ref _connections);

    public bool Connected
    {
        get
        {
            lock (_gate)
            {
                return _handshake == HandshakeState.Done && _downstream is not null && _ended is null;
            }
        }
    }

    public DisconnectReason? Ended
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    public bool IsEnded => Ended is not null;

    /// <summary>The listener's connected hooks have completed for this session (or failed).</summary>
    public void HooksDone() => _hooksDone?.TrySetResult();

    /// <summary>
    /// Attaches a transport's connection as the session's downstream, superseding the one before;
    /// null when the session has ended.
    /// </summary>
    /// <param name="closeTimeout">How long the session waits for the next downstream once this one detaches.</param>
    /// <param name="acknowledged">With acknowledged delivery, the highest number the client says it has received.</param>
    public Downstream? Attach(TimeSpan closeTimeout, long? acknowledged = null)
    {
        Downstream? previous;
        Downstream attached;
        lock (_gate)
        {
            if (_ended is not null)
            {
                return null;
            }

            StopExpiry();
            previous = _downstream;
            if (_delivery is not null)
            {
                // What the client has not acknowledged goes again, ahead of what is new.
                _queuedBytes -= acknowledged is { } ack ? _delivery.Acknowledge(ack) : 0;
                var unacknowledged = _delivery.TakeUnacknowledged();
                unacknowledged.AddRange(_queue);
                _queue = unacknowledged;
            }

            attached = new Downstream(this, closeTimeout);
            _downstream = attached;
            _connections++;
        }

        previous?.Supersede();
        return attached;
    }

    public void Detach(Downstream downstream)
    {
        lock (_gate)
        {
            if (_downstream != downstream)
            {
                return;
            }

            _downstream = null;
            if (_ended is null)
            {
                StartExpiry(downstream.CloseTimeout);
            }
        }
    }

    /// <summary>
    /// A request of the session arrived (an upload): the client is alive, so a session waiting for
    /// its next downstream waits afresh.
    /// </summary>
    public void Heard()
    {
        lock (_gate)
        {
            if (_downstream is null && _ended is null && _expiresAt != long.MaxValue)
            {
                StartExpiry(_closeTimeout);
            }
        }
    }

    /// <summary>Ends the session once: queued messages are dropped, its downstream and askers let go.</summary>
    public void End(DisconnectReason reason)
    {
        Downstream? downstream;
        TaskCompletionSource? waiter;
        bool wasConnected;
        lock (_gate)
        {
            if (_ended is not null)
            {
                return;
            }

            _ended = reason;
            _queue = [];
            _queuedBytes = 0;
            StopExpiry();
            _authenticationExpiry?.Cancel();
            downstream = _downstream;
            waiter = TakeWaiter(evenWhenAnswering: true);
            wasConnected = _handshake == HandshakeState.Done;
        }

        waiter?.TrySetResult();
        ReleaseIncomingWaiters();
        _hooksDone?.TrySetResult(); // nothing waits for hooks of a session that is over
        downstream?.Supersede();
        Answers.FailAll(new InvalidOperationException($"Session {SessionId} ended ({reason}) before answering."));
        _listener.OnEnded(this, wasConnected, reason);
    }

    public override string ToString() => SessionId;

    // Called with _gate held (or from the constructor).
    private void StartExpiry(TimeSpan timeout)
    {
        _closeTimeout = timeout;
        _expiresAt = _expiry.Schedule(timeout);
    }

    // Called with _gate held.
    private void StopExpiry()
    {
        _expiresAt = long.MaxValue;
        _expiry.Cancel();
    }

    /// <summary>On the wheel's tick: ending a session runs the application's handlers, so it goes to the thread pool.</summary>
    private void ExpiryDue() => ThreadPool.UnsafeQueueUserWorkItem(static session => session.Expire(), this, preferLocal: false);

    private void Expire()
    {
        DisconnectReason reason;
        lock (_gate)
        {
            // A timer that fired as it was being moved must not end the session early.
            if (_downstream is not null || _ended is not null || _listener.Time.GetTimestamp() < _expiresAt)
            {
                return;
            }

            reason = ReasonForExpiry;
        }

        End(reason);
    }
}
