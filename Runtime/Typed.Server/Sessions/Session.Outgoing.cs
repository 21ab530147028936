using Typed.Framing;
using Typed.Messages;
using Typed.Threading;

namespace Typed.Server.Sessions;

/// <summary>
/// The outgoing half: what is sent is queued, and the attached downstream takes everything queued
/// as one frame (the handshake first, once). Guarded by the session's lock.
/// </summary>
internal sealed partial class Session
{
    private enum HandshakeState { Pending, InFlight, Done }

    private List<Outgoing> _queue = [];

    // The list of the last frame written, emptied, for the next frame to take: so that sending a
    // message costs no list of its own. Only small ones are kept, so no session holds a big one.
    private List<Outgoing>? _spareQueue;
    private const int SpareQueueCapacity = 64;
    private long _queuedBytes;
    private int _batchesInFlight; // taken, not yet written or given back: Interlocked, as Delivered takes no lock
    private HandshakeState _handshake;
    private TaskCompletionSource? _waiter;

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

    /// <summary>
    /// Nothing waits to be written and no frame is being written: what was queued has reached a
    /// connection (or the session is over). What stopping the server waits for.
    /// </summary>
    public bool IsFlushed
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

    /// <summary>Queues a message, waking the downstream unless this thread will write it; a session over its queue limit ends as a slow consumer.</summary>
    public void Enqueue(in Outgoing item)
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
            End(DisconnectReason.SlowConsumer);
        }
    }

    /// <summary>
    /// Queues a question and wakes the downstream for it even on the thread handing messages over:
    /// its asker waits for the answer, perhaps blocking that very thread, so it cannot wait for the
    /// hand-over to end. A connection whose reader is handing over reads on from another thread,
    /// so that the answer is read whatever the handler does.
    /// </summary>
    public void EnqueueQuestion(Message question)
    {
        Enqueue(new Outgoing(question, default));
        WakeDownstream();
        _handingOverInline?.KeepReadingElsewhere();
    }

    /// <summary>Completes when <paramref name="downstream"/> has something to take (at once when it is no longer current).</summary>
    public Task WaitForOutgoingAsync(Downstream downstream)
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

    /// <summary>Everything queued, as one frame's worth; null when there is nothing or <paramref name="downstream"/> is no longer current.</summary>
    public OutgoingBatch? TakeBatch(Downstream downstream)
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

            Message? handshakeMessage = handshake ? Handshake.Create(SessionId, Acknowledged, _timing) : default(Message?);
            var batch = new OutgoingBatch(handshakeMessage, _queue, numbers);
            Interlocked.Increment(ref _batchesInFlight);
            _queue = Interlocked.Exchange(ref _spareQueue, null) ?? [];
            return batch;
        }
    }

    /// <summary>The batch reached a connection: the handshake, if it carried it, is done.</summary>
    public void Delivered(OutgoingBatch batch)
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
            _listener.IndexConnected(Client);
        }

        _listener.OnConnected(Client);
    }

    /// <summary>The batch could not be written: its messages go back to the front of the queue.</summary>
    public void Requeue(OutgoingBatch batch)
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

    /// <summary>Wakes the downstream waiting for something to take.</summary>
    public void WakeDownstream()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = TakeWaiter(evenWhenAnswering: true);
        }

        waiter?.TrySetResult();
    }

    /// <summary>
    /// Writes what the application queued while this thread handed it messages: through the
    /// downstream's writer on this thread when it has one (a persistent transport), else by waking
    /// the downstream (a poll). Completes when that write does; a write that fails is the writer's
    /// to deal with (it ends its downstream).
    /// </summary>
    private Task WriteAnswers()
    {
        IDownstreamWriter? writer = null;
        TaskCompletionSource? waiter = null;
        lock (_gate)
        {
            if (HasOutgoing && _ended is null)
            {
                writer = _downstream?.Writer;
                waiter = writer is null ? TakeWaiter(evenWhenAnswering: true) : null;
            }
        }

        waiter?.TrySetResult();
        return writer?.FlushAsync() ?? Task.CompletedTask;
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

    // Called with _gate held: the waiter to wake for what was just queued, unless this thread is
    // handing the session messages and will write what they caused.
    private TaskCompletionSource? TakeWaiter(bool evenWhenAnswering = false)
    {
        if (!evenWhenAnswering && AnsweringThread<Session>.IsAnswering(this))
        {
            return null;
        }

        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }
}
