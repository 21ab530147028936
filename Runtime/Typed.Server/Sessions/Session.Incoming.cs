using Typed.Framing;
using Typed.Messages;
using Typed.Threading;

namespace Typed.Server.Sessions;

/// <summary>
/// The incoming half, in two steps, so that no lock is held while application code runs and no
/// connection waits for it. <see cref="Accept"/> takes a payload in under the receive lock:
/// acknowledgements, messages received already skipped, answers to the server's questions
/// completed at once, the rest queued in order. <see cref="HandOverAsync"/> (a WebSocket's reader,
/// on its own thread) or <see cref="HandOverInBackground"/> (an upload, which is answered at once)
/// then hands the queue to the application, one message at a time, one thread at a time. So a
/// handler that blocks holds up only the messages after its own: the session's uploads are
/// answered, its sends and polls go on, and a handler waiting for the client's answer to a
/// question gets it (a reader handing over inline reads on from another thread once the client is
/// asked a question, <see cref="IUpstream.KeepReadingElsewhere"/>).
/// </summary>
internal sealed partial class Session : IThreadPoolWorkItem
{
    private readonly Gate _receiveGate = new();
    private readonly Queue<Message> _inbound = new();
    private long _inboundBytes;
    private bool _handingOver;
    private TaskCompletionSource? _roomMade;
    private TaskCompletionSource? _handedOver;

    // The upstream whose thread is handing over inline, told when a question is asked meanwhile.
    private volatile IUpstream? _handingOverInline;

    /// <summary>
    /// Takes a payload's new messages in, in order, to be handed over by <see cref="HandOverInBackground"/>.
    /// With acknowledged delivery, messages already received are skipped, and the acknowledgement
    /// goes back in a frame when the upstream has no answer of its own to carry it.
    /// </summary>
    /// <returns>The highest client sequence number received, with acknowledged delivery.</returns>
    public long Accept(ClientPayloadContent payload, IUpstream upstream)
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

            for (var i = first; i < messages.Count; i++)
            {
                if (numbered)
                {
                    _delivery!.Received(payload.Numbers.Seq!.Value + i);
                }

                // An answer waits for nothing: a handler blocked on it must not wait behind itself.
                if (!Answers.TryComplete(messages[i]))
                {
                    _inbound.Enqueue(messages[i]);
                    _inboundBytes += messages[i].Json.Length;
                }
            }

            if (_delivery is not null && upstream.AcknowledgesInFrame && messages.Count > 0)
            {
                // Messages sent again mean the frame that acknowledged them was lost (cut with its
                // connection): acknowledge again even though a frame has carried the number.
                RequestAck(resent: first > 0);
            }

            return _delivery?.LastReceived ?? 0;
        }
    }

    /// <summary>
    /// Hands what <see cref="Accept"/> queued to the application, unless another thread is doing
    /// so already, then writes what the application sent meanwhile (and an acknowledgement owed)
    /// through the downstream's writer on this thread, in one frame. For an inline caller it
    /// completes once that write does (a WebSocket's reader reads on only then); the connected
    /// hooks, while they run, hold it too.
    /// </summary>
    /// <param name="inline">The upstream calling on its own thread, told when the client is asked a question meanwhile; null on a thread of the pool.</param>
    public async Task HandOverAsync(IUpstream? inline)
    {
        if (_hooksDone is { Task.IsCompleted: false } hooks)
        {
            await hooks.Task.ConfigureAwait(false);
        }

        if (TryStartHandingOver())
        {
            _handingOverInline = inline;
            using (AnsweringThread<Session>.Enter(this))
            {
                while (TakeInbound() is { } message)
                {
                    _listener.OnMessage(Client, message);
                }
            }

            _handingOverInline = null;
        }

        // Also when another thread hands over: the acknowledgement Accept owed is written here. A
        // reader waits for the write before reading on, as its peer reads both ways (backpressure).
        var writing = WriteAnswers();
        if (inline is not null)
        {
            await writing.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hands what <see cref="Accept"/> queued to the application on a thread-pool thread (this
    /// one's next, when it is one), so that the caller, a connection's reader or an upload, goes on
    /// while handlers run: a handler that blocks until the client answers it must not stop the
    /// answer from being read.
    /// </summary>
    public void HandOverInBackground() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    void IThreadPoolWorkItem.Execute() => _ = HandOverAsync(inline: null);

    /// <summary>
    /// Completes when fewer than <see cref="SocketServerOptions.MaxMessageSize"/> bytes of messages
    /// wait to be handed over (or the session is over): an upstream waits for it before reading
    /// more, so that a client cannot queue without bound ahead of handlers that are slow.
    /// </summary>
    public Task WaitForRoomAsync()
    {
        if (Volatile.Read(ref _inboundBytes) < _listener.Options.MaxMessageSize)
        {
            return Task.CompletedTask; // the common case, without the lock
        }

        lock (_receiveGate)
        {
            if (_inboundBytes < _listener.Options.MaxMessageSize || IsEnded)
            {
                return Task.CompletedTask;
            }

            if (_roomMade is null)
            {
                Logging.Log.HandlersBehind(_listener.Logger, SessionId, _inboundBytes);
                _roomMade = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _roomMade.Task;
        }
    }

    /// <summary>
    /// Completes once everything accepted has been handed over and no handler of the hand-over is
    /// still running (or the session is over): a client that leaves has what it sent before
    /// handled before its session ends.
    /// </summary>
    public Task HandedOverAsync()
    {
        lock (_receiveGate)
        {
            if ((!_handingOver && _inbound.Count == 0) || IsEnded)
            {
                return Task.CompletedTask;
            }

            _handedOver ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _handedOver.Task;
        }
    }

    /// <summary>The session is over: an upstream waiting for room or a leave waiting for the hand-over stops waiting.</summary>
    private void ReleaseIncomingWaiters()
    {
        TaskCompletionSource? roomMade, handedOver;
        lock (_receiveGate)
        {
            (roomMade, _roomMade) = (_roomMade, null);
            (handedOver, _handedOver) = (_handedOver, null);
        }

        roomMade?.TrySetResult();
        handedOver?.TrySetResult();
    }

    private bool TryStartHandingOver()
    {
        lock (_receiveGate)
        {
            if (_handingOver || _inbound.Count == 0)
            {
                return false;
            }

            _handingOver = true;
            return true;
        }
    }

    /// <summary>The next message to hand over; null, and the hand-over finished, when there is none or the session is over.</summary>
    private Message? TakeInbound()
    {
        Message? next = null;
        TaskCompletionSource? roomMade = null;
        TaskCompletionSource? handedOver = null;
        lock (_receiveGate)
        {
            if (_inbound.Count > 0 && !IsEnded)
            {
                next = _inbound.Dequeue();
                _inboundBytes -= next.Value.Json.Length;
            }
            else
            {
                _inbound.Clear();
                _inboundBytes = 0;
                _handingOver = false;
                handedOver = _handedOver;
                _handedOver = null;
            }

            if (_roomMade is not null && (_inboundBytes < _listener.Options.MaxMessageSize || next is null))
            {
                roomMade = _roomMade;
                _roomMade = null;
            }
        }

        roomMade?.TrySetResult();
        handedOver?.TrySetResult();
        return next;
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

    // The acknowledgement is written once the payload is handed over, which the caller of Accept starts next.
    private void RequestAck(bool resent)
    {
        lock (_gate)
        {
            // A frame taken since the payload arrived (its echo, say) carried the acknowledgement already.
            if (resent || _delivery!.AckOwed)
            {
                _delivery!.AckDue = true;
            }
        }
    }
}
