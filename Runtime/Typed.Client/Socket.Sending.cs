using Typed.Buffers;
using Typed.Client.Delivery;
using Typed.Client.Logging;
using Typed.Client.Transports;
using Typed.Framing;
using Typed.Messages;
using Typed.Threading;

namespace Typed.Client;

/// <summary>
/// Sending: one payload at a time per connection, with what is owed in acknowledgements. Whoever
/// holds the writing gate writes: the thread that queued a message, when nothing else is being
/// written (no thread is woken for it), or else the pump, which the queueing thread wakes. What
/// handlers send while the receiving thread hands them a frame goes out after the frame, from
/// that thread, in one payload.
/// </summary>
public sealed partial class Socket
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly PooledBufferWriter _payload = new();
    private readonly AckTimer _ackTimer;

    // Sends closer together than this are a burst: they go through the pump, which gathers what
    // queues while it wakes into one payload, rather than one payload each.
    private static readonly long BurstTicks = System.Diagnostics.Stopwatch.Frequency / 10_000; // 100 µs
    private long _lastInlineWrite;

    internal void Enqueue(Message message)
    {
        _outbox.Add(message);
        if (AnsweringThread<Socket>.IsAnswering(this))
        {
            _answerQueued = true; // written once the frame is handed over
            return;
        }

        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (now - Volatile.Read(ref _lastInlineWrite) < BurstTicks)
        {
            _outgoing.Signal();
            return;
        }

        Volatile.Write(ref _lastInlineWrite, now);
        WriteHereOrWakePump();
    }

    /// <summary>Writes what is pending on this thread when nothing else is writing, else leaves it to the pump.</summary>
    private void WriteHereOrWakePump()
    {
        if (_transport is { Completion.IsCompleted: false } transport && _writing.Wait(0))
        {
            _ = WriteHeldAsync(transport);
        }
        else
        {
            _outgoing.Signal();
        }
    }

    /// <summary>Writes what the application queued, and acknowledgements, until the transport is replaced or fails.</summary>
    private async Task PumpAsync(ClientTransport transport)
    {
        // The transport's end wakes the pump as a message does, so that one wait serves both
        // (rather than a task made per wait to watch the two).
        _ = transport.Completion.ContinueWith(static (_, signal) => ((AsyncSignal)signal!).Signal(), _outgoing, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            await _outgoing.WaitAsync();
            if (transport != _transport || transport.Completion.IsCompleted)
            {
                // The wake may have been meant for the pump of the transport that replaced this
                // one: passed on, so that a message queued meanwhile is not left waiting.
                _outgoing.Signal();
                return;
            }

            await _writing.WaitAsync();
            await WriteHeldAsync(transport);
        }
    }

    /// <summary>Writes everything pending; the caller holds the writing gate, which this releases.</summary>
    private async Task WriteHeldAsync(ClientTransport transport)
    {
        try
        {
            while (transport == _transport && await SendPendingAsync(transport))
            {
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Sends one payload of what is unwritten, or the acknowledgement alone when it is due; false when there was nothing to send.</summary>
    private async ValueTask<bool> SendPendingAsync(ClientTransport transport)
    {
        var acknowledged = _outbox.Acknowledged;
        var batch = _outbox.TakeUnwritten();
        if (batch is null && !(acknowledged && _ackTimer.TakeDue() && !transport.AcknowledgesDownstream && _inbox.AckOwed))
        {
            return false;
        }

        long? ack = acknowledged ? _inbox.TakeAck() : null;
        _payload.Clear();
        if (acknowledged)
        {
            ClientPayload.WriteEnvelope(_payload, batch is { } some ? some.Messages : ArraySegment<Message>.Empty, new DeliveryNumbers(batch?.FirstSeq, ack));
        }
        else
        {
            ClientPayload.Write(_payload, batch!.Value.Messages);
        }

        try
        {
            var serverAck = await transport.SendAsync(_payload.WrittenMemory);
            if (ack is { } sent)
            {
                _inbox.Acknowledged(sent);
            }

            if (batch is { } written)
            {
                _outbox.Written(written);
            }

            if (serverAck is { } received)
            {
                _outbox.Acknowledge(received);
            }

            return true;
        }
        catch (Exception e)
        {
            // Everything not confirmed goes again once the supervisor has reconnected.
            _outbox.Rewind(batch);
            Log.SendFailed(_logger, e, transport.Name);
            transport.Fail(e);
            return false;
        }
    }

    /// <summary>
    /// Messages arrived in a frame of <paramref name="frameBytes"/>: the server hears of them with
    /// the next payload, or alone within <see cref="SocketOptions.AckDelay"/>, or at once when
    /// <see cref="AckAfterBytes"/> are owed, so that what the server keeps for the client until it
    /// is acknowledged stays far below its queue limit however fast messages come.
    /// </summary>
    private void AckOwed(int frameBytes)
    {
        _ackTimer.Arm(_inbox.LastReceived);
        if (_inbox.Owe(frameBytes) >= AckAfterBytes)
        {
            _ackTimer.DueNow();
        }
    }

    /// <summary>How many bytes of frames may go unacknowledged before an acknowledgement goes at once: 1/64 of the server's default queue limit.</summary>
    internal const int AckAfterBytes = 64 * 1024;
}
