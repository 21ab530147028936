using Typed.Client.Logging;
using Typed.Client.Transports;
using Typed.Framing;
using Typed.Messages;
using Typed.Threading;

namespace Typed.Client;

/// <summary>Reading frames: the handshake, acknowledgements, and messages handed over once, in order.</summary>
public sealed partial class Socket
{
    private readonly Gate _receiveGate = new();

    // Set by a send from a handler on the receiving thread; read by that thread after the frame.
    private bool _answerQueued;

    private void OnFrame(Sink sink, ReadOnlyMemory<byte> bytes)
    {
        // A transport hands over one frame at a time, so its sink's list serves every frame. It is
        // emptied afterwards, also after a frame that failed to parse halfway, so that it neither
        // holds on to the frame nor lends its first messages to the next.
        try
        {
            HandleFrame(sink, bytes);
        }
        finally
        {
            sink.Parsed.Clear();
        }
    }

    private void HandleFrame(Sink sink, ReadOnlyMemory<byte> bytes)
    {
        ServerFrameContent content;
        try
        {
            content = ServerFrame.ParseContent(bytes, sink.Parsed);
        }
        catch (ProtocolFormatException e)
        {
            Log.FrameIgnored(_logger, e);
            return;
        }

        // The messages to hand over are the frame's from index `first` on: those before it are the
        // handshake, or were received already (numbers only grow, so the new ones are a tail).
        var messages = content.Messages;
        var first = messages.Count;
        var opened = false;
        lock (_receiveGate)
        {
            if (sink != _activeSink)
            {
                return; // a transport that has been replaced
            }

            var start = 0;
            if (_sessionId is null)
            {
                if (messages.Count == 0 || !Handshake.TryRead(messages[0], out var sessionId, out var acknowledged, out var timing))
                {
                    return; // nothing counts before the handshake
                }

                _timing = timing;
                _sessionId = sessionId;
                _transportName = sink.Transport;
                _connected = true;
                _outbox.Acknowledged = acknowledged && _options.AcknowledgedDelivery;
                start = 1;
                opened = true;
            }

            var numbered = _outbox.Acknowledged && content.Numbers.Seq is not null;
            if (_outbox.Acknowledged && content.Numbers.Ack is { } ack)
            {
                _outbox.Acknowledge(ack);
            }

            if (!numbered || start == messages.Count)
            {
                first = start;
            }
            else
            {
                var seq = content.Numbers.Seq!.Value;
                var firstNew = _inbox.FirstNew(seq, messages.Count - start);
                if (firstNew < 0)
                {
                    // An earlier frame was lost: nothing of this one is taken or acknowledged, and
                    // reattaching makes the server send everything unacknowledged again.
                    Log.DeliveryGap(_logger, seq, _inbox.LastReceived);
                    sink.Owner?.Fail(new IOException($"A frame numbered from {seq} came after {_inbox.LastReceived}."));
                    return;
                }

                first = start + firstNew;
                if (first < messages.Count)
                {
                    _inbox.Received(seq + messages.Count - start - 1);
                }
            }
        }

        if (opened)
        {
            sink.HandshakeArrived();
            Raise(Opened, nameof(Opened));
        }

        // What a handler sends meanwhile is written once the whole frame is handed over, in one
        // payload, on this thread.
        using (AnsweringThread<Socket>.Enter(this))
        {
            for (var i = first; i < messages.Count; i++)
            {
                if (!TryHandleTyped(messages[i]))
                {
                    Raise(MessageReceived, messages[i]);
                }
            }
        }

        if (_answerQueued)
        {
            _answerQueued = false;
            WriteHereOrWakePump();
        }

        if (first < messages.Count && _outbox.Acknowledged)
        {
            AckOwed(bytes.Length);
        }
    }

    /// <summary>The frame sink of one transport instance: frames from a replaced transport are ignored.</summary>
    private sealed class Sink(Socket socket, string transport) : IFrameSink
    {
        public string Transport { get; } = transport;

        /// <summary>The transport whose frames come here, failed when one of them cannot be taken.</summary>
        public ClientTransport? Owner { get; set; }

        /// <summary>The list each frame's messages are parsed into.</summary>
        public List<Message> Parsed { get; } = [];

        private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Handshake => _handshake.Task;

        public string? SessionId => socket._sessionId;

        public long? CurrentAck => socket._outbox.Acknowledged || socket._options.AcknowledgedDelivery ? socket._inbox.LastReceived : null;

        public void OnFrame(ReadOnlyMemory<byte> frame) => socket.OnFrame(this, frame);

        public void HandshakeArrived() => _handshake.TrySetResult();
    }
}
