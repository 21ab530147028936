using Microsoft.Extensions.Logging;
using Typed.Client.Transports;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Client;

/// <summary>Reading frames: the handshake, acknowledgements, and messages handed over once, in order.</summary>
public sealed partial class Socket
{
    private readonly object _receiveGate = new();

    private void OnFrame(Sink sink, ReadOnlyMemory<byte> bytes)
    {
        ServerFrameContent content;
        try
        {
            content = ServerFrame.ParseContent(bytes);
        }
        catch (ProtocolFormatException e)
        {
            _logger.LogWarning(e, "A frame that is not the protocol's was ignored.");
            return;
        }

        var deliver = new List<Message>(content.Messages.Count);
        var opened = false;
        lock (_receiveGate)
        {
            if (sink != _activeSink)
            {
                return; // a transport that has been replaced
            }

            var messages = content.Messages;
            var start = 0;
            if (_sessionId is null)
            {
                if (messages.Count == 0 || !Handshake.TryRead(messages[0], out var sessionId, out var acknowledged))
                {
                    return; // nothing counts before the handshake
                }

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

            for (var i = start; i < messages.Count; i++)
            {
                if (!numbered || _inbox.Accept(content.Numbers.Seq!.Value + i - start))
                {
                    deliver.Add(messages[i]);
                }
            }
        }

        if (opened)
        {
            sink.HandshakeArrived();
            Raise(Opened, nameof(Opened));
        }

        foreach (var message in deliver)
        {
            if (!TryHandleTyped(message))
            {
                Raise(MessageReceived, message);
            }
        }

        if (deliver.Count > 0 && _outbox.Acknowledged)
        {
            AckOwed();
        }
    }

    /// <summary>The frame sink of one transport instance: frames from a replaced transport are ignored.</summary>
    private sealed class Sink(Socket socket, string transport) : IFrameSink
    {
        public string Transport { get; } = transport;

        private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Handshake => _handshake.Task;

        public string? SessionId => socket._sessionId;

        public long? CurrentAck => socket._outbox.Acknowledged || socket._options.AcknowledgedDelivery ? socket._inbox.LastReceived : null;

        public void OnFrame(ReadOnlyMemory<byte> frame) => socket.OnFrame(this, frame);

        public void HandshakeArrived() => _handshake.TrySetResult();
    }
}
