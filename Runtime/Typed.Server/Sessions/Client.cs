using Typed.Events;
using Typed.Events.Generated;
using Typed.Framing;
using Typed.Messages;
using Typed.Server.Sessions;

namespace Typed.Server;

/// <summary>
/// One session on the server, as the 2010 server's <c>Client</c>: it outlives its connections,
/// queues what is sent while no downstream is attached, and sends it as one frame when one is.
/// </summary>
public sealed class Client
{
    private enum HandshakeState { Pending, InFlight, Done }

    private readonly Listener _listener;
    private SenderCache _senders;
    private readonly Gate _gate = new();
    private readonly Gate _receiveGate = new();
    private List<Outgoing> _queue = [];

    // The list of the last frame written, emptied, for the next frame to take: so that sending a
    // message costs no list of its own. Only small ones are kept, so no session holds a big one.
    private List<Outgoing>? _spareQueue;
    private const int SpareQueueCapacity = 64;
    private long _queuedBytes;
    private int _batchesInFlight; // taken, not yet written or given back: Interlocked, as Delivered takes no lock
    private HandshakeState _handshake;
    private Downstream? _downstream;
    private TaskCompletionSource? _waiter;

    // The session whose payload this thread is handing to the application: what that causes the
    // session to send is written by this thread once it is done, so its writer is not woken for
    // it. Sends from other threads meanwhile wake it as usual.
    [ThreadStatic]
    private static Client? t_answering;
    private ITimer? _expiry;
    private int _expiryGeneration;
    private int _connections;
    private DisconnectReason? _ended;
    private readonly AcknowledgedDelivery? _delivery;
    private readonly SessionTiming _timing;

    // How long the session waits for a downstream once the last one ended: restarted by any
    // request of the session (an upload too), so that a client whose poll hangs on the way but
    // whose messages keep arriving is not taken for gone.
    private TimeSpan _closeTimeout;

    internal Client(Listener listener, string sessionId, string transport, bool acknowledged, SessionTiming timing)
    {
        _listener = listener;
        _timing = timing;
        SessionId = sessionId;
        Transport = transport;
        _delivery = acknowledged ? new AcknowledgedDelivery() : null;
        Answers = new PendingAnswers(listener.Options.AnswerTimeout, listener.Time);
        StartExpiry(listener.Options.Timeout);

        // Made before the handshake can go out, so that no message is handed over before the hooks are done.
        _hooksDone = listener.HasConnectedHooks ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
    }

    private readonly TaskCompletionSource? _hooksDone;

    /// <summary>The listener's connected hooks have completed for this client (or failed).</summary>
    internal void HooksDone() => _hooksDone?.TrySetResult();

    /// <summary>The sender of <typeparamref name="T"/>'s events to this client (the same one each time); events with a result wait for its answer.</summary>
    public T Events<T>()
        where T : class => _senders.GetOrAdd(this, static client => EventContract<T>.CreateSender(new Events.ClientEventSink(client)));

    /// <summary>A sender of <typeparamref name="T"/>'s events to every other connected client.</summary>
    public T Broadcast<T>()
        where T : class => _listener.Events<T>(SessionId);

    /// <summary>The events sent to this client that wait for its answer.</summary>
    internal PendingAnswers Answers { get; }

    /// <summary>
    /// Whether the client asked for acknowledged delivery: every message numbered and kept until
    /// acknowledged, in both directions, so nothing is lost or handed over twice across reconnections.
    /// </summary>
    public bool Acknowledged => _delivery is not null;

    /// <summary>The session's id, random and URL-safe, as the handshake gave it to the client.</summary>
    public string SessionId { get; }

    /// <summary>The transport the session was opened with.</summary>
    public string Transport { get; }

    /// <summary>The listener that holds the session.</summary>
    public Listener Listener => _listener;

    /// <summary>True while the handshake is done and a downstream is attached.</summary>
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

    /// <summary>
    /// The bytes of messages queued for the client, and with acknowledged delivery of those sent and
    /// not yet acknowledged: what counts against <see cref="SocketServerOptions.MaxQueuedBytes"/>.
    /// </summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _queuedBytes;
            }
        }
    }

    /// <summary>How many times a downstream attached to the session.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Why the session ended, or null while it lives.</summary>
    public DisconnectReason? DisconnectReason
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    /// <summary>Sends a message: at once when a downstream is waiting, else when one attaches.</summary>
    public void Send(Message message) => Enqueue(new Outgoing(message, default));

    /// <summary>Sends a plain string message, delivered exactly as given.</summary>
    public void Send(string text) => Send(Message.FromText(text));

    /// <summary>Sends a message to every other connected client.</summary>
    public void Broadcast(Message message) => _listener.Broadcast(message, SessionId);

    /// <inheritdoc cref="Broadcast(Message)"/>
    public void Broadcast(string text) => Broadcast(Message.FromText(text));

    /// <summary>Ends the session now; queued messages are dropped.</summary>
    public void Disconnect() => End(Server.DisconnectReason.ServerDisconnect);

    /// <summary>The session id.</summary>
    public override string ToString() => SessionId;

    internal bool IsEnded
    {
        get
        {
            lock (_gate)
            {
                return _ended is not null;
            }
        }
    }

    internal void Enqueue(in Outgoing item)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(item.Message.IsEmpty, true, nameof(item));
        TaskCompletionSource? waiter;
        long overflow;
        lock (_gate)
        {
            if (_ended is not null)
            {
                return;
            }

            overflow = _queuedBytes + item.Message.Json.Length;
            if (overflow <= _listener.Options.MaxQueuedBytes)
            {
                _queue.Add(_delivery?.Number(item) ?? item);
                _queuedBytes = overflow;
                overflow = 0;
            }

            waiter = TakeWaiter();
        }

        waiter?.TrySetResult();
        if (overflow > 0)
        {
            _listener.OnSlowConsumer(this, overflow);
            End(Server.DisconnectReason.SlowConsumer);
        }
    }

    /// <param name="closeTimeout">How long the session waits for the next downstream once this one detaches.</param>
    /// <param name="acknowledged">With acknowledged delivery, the highest number the client says it has received.</param>
    internal Downstream? Attach(TimeSpan closeTimeout, long? acknowledged = null)
    {
        Downstream? previous;
        Downstream attached;
        lock (_gate)
        {
            if (_ended is not null)
            {
                return null;
            }

            _expiry?.Dispose();
            _expiry = null;
            _expiryGeneration++;
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

    internal void Detach(Downstream downstream)
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
    internal void Heard()
    {
        lock (_gate)
        {
            if (_downstream is null && _ended is null && _expiry is not null)
            {
                StartExpiry(_closeTimeout);
            }
        }
    }

    internal Task WaitForOutgoingAsync(Downstream downstream)
    {
        Task waiting;
        lock (_gate)
        {
            if (_downstream != downstream || _ended is not null || HasOutgoing)
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = _waiter.Task;
        }

        return waiting;
    }

    internal OutgoingBatch? TakeBatch(Downstream downstream)
    {
        lock (_gate)
        {
            if (_downstream != downstream || _ended is not null || !HasOutgoing)
            {
                return null;
            }

            var handshake = _handshake == HandshakeState.Pending;
            if (handshake)
            {
                _handshake = HandshakeState.InFlight;
            }

            var numbers = default(DeliveryNumbers);
            if (_delivery is not null)
            {
                _delivery.Sent(_queue);
                _delivery.AckDue = false;
                var lastReceived = _delivery.LastReceived;
                _delivery.AckTaken = lastReceived;
                numbers = new DeliveryNumbers(_queue.Count > 0 ? _queue[0].Seq : null, lastReceived);
            }
            else
            {
                _queuedBytes = 0;
            }

            Message? handshakeMessage = handshake ? Framing.Handshake.Create(SessionId, Acknowledged, _timing) : default(Message?);
            var batch = new OutgoingBatch(handshakeMessage, _queue, numbers);
            Interlocked.Increment(ref _batchesInFlight);
            _queue = Interlocked.Exchange(ref _spareQueue, null) ?? [];
            return batch;
        }
    }

    internal void Delivered(OutgoingBatch batch)
    {
        Interlocked.Decrement(ref _batchesInFlight);
        if (batch.Handshake is null)
        {
            Recycle(batch.Messages);
            return;
        }

        lock (_gate)
        {
            _handshake = HandshakeState.Done;
            if (_ended is not null)
            {
                return;
            }

            // Indexed under the lock, so that an End racing with this always sees it connected.
            _listener.IndexConnected(this);
        }

        _listener.OnConnected(this);
    }

    /// <summary>A written frame's list becomes the next queue (its messages are copied to the delivery ledger when taken).</summary>
    private void Recycle(List<Outgoing> written)
    {
        if (written.Capacity > SpareQueueCapacity)
        {
            return;
        }

        // Without the session's lock: at worst a list is dropped for the collector, never shared.
        written.Clear();
        Interlocked.CompareExchange(ref _spareQueue, written, null);
    }

    internal void Requeue(OutgoingBatch batch)
    {
        lock (_gate)
        {
            Interlocked.Decrement(ref _batchesInFlight);
            if (batch.Handshake is not null && _handshake == HandshakeState.InFlight)
            {
                _handshake = HandshakeState.Pending;
            }

            // With acknowledged delivery the messages stay in flight, to go again on the next attach.
            if (_ended is not null || batch.Messages.Count == 0 || _delivery is not null)
            {
                return;
            }

            batch.Messages.AddRange(_queue);
            _queue = batch.Messages;
            _queuedBytes = 0;
            foreach (var item in _queue)
            {
                _queuedBytes += item.Message.Json.Length;
            }
        }
    }

    /// <summary>Hands the messages of one payload to the application, in order, one payload at a time.</summary>
    internal void Receive(IReadOnlyList<Message> messages) => Receive(new ClientPayloadContent(messages, default), ackInFrame: false);

    /// <summary>
    /// <see cref="Receive(ClientPayloadContent, bool)"/>, then writes what the application sent
    /// in answer (and the acknowledgement) on this thread, through the downstream's writer.
    /// </summary>
    /// <param name="payload">The parsed payload.</param>
    /// <param name="ackInFrame">As for <see cref="Receive(ClientPayloadContent, bool)"/>.</param>
    /// <param name="waitForAnswer">
    /// Whether to wait for that write: the WebSocket's own reader does (its peer reads both ways);
    /// an HTTP upstream request does not, so that a stalled stream cannot hold up its answer.
    /// </param>
    internal async ValueTask<long> ReceiveAndAnswerAsync(ClientPayloadContent payload, bool ackInFrame, bool waitForAnswer)
    {
        if (_hooksDone is { Task.IsCompleted: false } hooks)
        {
            await hooks.Task.ConfigureAwait(false);
        }

        long received;
        Transports.DownstreamPump? writer = null;
        var outer = t_answering;
        t_answering = this;
        try
        {
            received = Receive(payload, ackInFrame);
        }
        finally
        {
            t_answering = outer;
            TaskCompletionSource? waiter = null;
            lock (_gate)
            {
                if (HasOutgoing && _ended is null)
                {
                    writer = _downstream?.Pump;
                    waiter = writer is null ? TakeWaiter() : null;
                }
            }

            waiter?.TrySetResult();
        }

        if (writer is not null)
        {
            var answering = writer.FlushAsync();
            if (waitForAnswer)
            {
                await answering;
            }
        }

        return received;
    }

    /// <summary>Wakes the downstream waiting for something to take.</summary>
    internal void WakeDownstream()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = TakeWaiter(evenWhenAnswering: true);
        }

        waiter?.TrySetResult();
    }

    // Called with _gate held: the waiter to wake for what was just queued, unless this thread is
    // handing the session a payload and will write it.
    private TaskCompletionSource? TakeWaiter(bool evenWhenAnswering = false)
    {
        if (!evenWhenAnswering && t_answering == this)
        {
            return null;
        }

        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }

    /// <summary>
    /// Hands a payload's new messages to the application, in order, one payload at a time. With
    /// acknowledged delivery, messages already received are skipped, and the acknowledgement goes
    /// back in a frame of its own when <paramref name="ackInFrame"/> (transports whose upstream has
    /// no answer of its own to carry it).
    /// </summary>
    /// <returns>The highest client sequence number received, with acknowledged delivery.</returns>
    internal long Receive(ClientPayloadContent payload, bool ackInFrame)
    {
        lock (_receiveGate)
        {
            if (payload.Numbers.Ack is { } ack)
            {
                Acknowledge(ack);
            }

            var messages = payload.Messages;
            var first = 0;
            var numbered = _delivery is not null && payload.Numbers.Seq is not null;
            if (numbered)
            {
                first = _delivery!.FirstNew(payload.Numbers.Seq!.Value, messages.Count);
                if (first < 0)
                {
                    return _delivery.LastReceived;
                }
            }

            for (var i = first; i < messages.Count && !IsEnded; i++)
            {
                if (numbered)
                {
                    _delivery!.Received(payload.Numbers.Seq!.Value + i);
                }

                _listener.OnMessage(this, messages[i]);
            }

            if (_delivery is not null && ackInFrame && messages.Count > 0)
            {
                // Messages sent again mean the frame that acknowledged them was lost (cut with its
                // connection): acknowledge again even though a frame has carried the number.
                RequestAck(resent: first > 0);
            }

            return _delivery?.LastReceived ?? 0;
        }
    }

    private void Acknowledge(long ack)
    {
        lock (_gate)
        {
            if (_delivery is not null)
            {
                _queuedBytes -= _delivery.Acknowledge(ack);
            }
        }
    }

    private void RequestAck(bool resent)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            // A frame taken since the payload arrived (its echo, say) carried the acknowledgement already.
            if (!resent && !_delivery!.AckOwed)
            {
                return;
            }

            _delivery!.AckDue = true;
            waiter = TakeWaiter();
        }

        waiter?.TrySetResult();
    }

    internal void End(DisconnectReason reason)
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
            _expiry?.Dispose();
            _expiry = null;
            downstream = _downstream;
            waiter = TakeWaiter(evenWhenAnswering: true);
            wasConnected = _handshake == HandshakeState.Done;
        }

        waiter?.TrySetResult();
        _hooksDone?.TrySetResult(); // nothing waits for hooks of a session that is over
        downstream?.Supersede();
        Answers.FailAll(new InvalidOperationException($"Session {SessionId} ended ({reason}) before answering."));
        _listener.OnEnded(this, wasConnected, reason);
    }

    /// <summary>
    /// Nothing waits to be written and no frame is being written: what was queued has reached a
    /// connection (or the session is over). What stopping the server waits for.
    /// </summary>
    internal bool IsFlushed
    {
        get
        {
            lock (_gate)
            {
                return _ended is not null || (!HasOutgoing && Volatile.Read(ref _batchesInFlight) == 0);
            }
        }
    }

    private bool HasOutgoing => _queue.Count > 0 || _handshake == HandshakeState.Pending || _delivery?.AckDue == true;

    // Called with _gate held (or from the constructor).
    private void StartExpiry(TimeSpan timeout)
    {
        _closeTimeout = timeout;
        _expiry?.Dispose();
        var generation = ++_expiryGeneration;
        _expiry = _listener.Time.CreateTimer(_ => Expire(generation), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void Expire(int generation)
    {
        lock (_gate)
        {
            // A timer that fired as it was being replaced must not end the session early.
            if (generation != _expiryGeneration || _downstream is not null || _ended is not null)
            {
                return;
            }
        }

        End(Server.DisconnectReason.Timeout);
    }
}
