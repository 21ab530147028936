using Microsoft.Extensions.Logging;
using Typed.Client.Delivery;
using Typed.Client.Transports;
using Typed.Framing;

namespace Typed.Client;

/// <summary>Sending: one payload at a time per connection, with what is owed in acknowledgements.</summary>
public sealed partial class Socket
{
    /// <summary>Writes what the application queued, and acknowledgements, until the transport is replaced or fails.</summary>
    private async Task PumpAsync(ClientTransport transport)
    {
        while (true)
        {
            await Task.WhenAny(_outgoing.WaitAsync(CancellationToken.None), transport.Completion);
            if (transport != _transport || transport.Completion.IsCompleted)
            {
                return;
            }

            await SendPendingAsync(transport);
        }
    }

    private async Task SendPendingAsync(ClientTransport transport)
    {
        var acknowledged = _outbox.Acknowledged;
        var batch = _outbox.TakeUnwritten();
        if (batch is null)
        {
            if (!acknowledged || transport.AcknowledgesDownstream || !_inbox.AckOwed)
            {
                return;
            }

            // Let a few more messages arrive before acknowledging them all at once, unless the
            // application sends something first, which carries the acknowledgement with it.
            await Task.WhenAny(Task.Delay(_options.AckDelay), _outgoing.WaitAsync(CancellationToken.None), transport.Completion);
            batch = _outbox.TakeUnwritten();
        }

        long? ack = acknowledged ? _inbox.LastReceived : null;
        var payload = batch?.Encode(acknowledged, ack) ?? ClientPayload.EncodeEnvelope([], new DeliveryNumbers(null, ack));
        try
        {
            var serverAck = await transport.SendAsync(payload, CancellationToken.None);
            if (ack is { } sent)
            {
                _inbox.Acknowledged(sent);
            }

            if (batch is not null)
            {
                _outbox.Written(batch);
            }

            if (serverAck is { } received)
            {
                _outbox.Acknowledge(received);
            }
        }
        catch (Exception e)
        {
            // Everything not confirmed goes again once the supervisor has reconnected.
            _outbox.Rewind();
            _logger.LogDebug(e, "Sending over {Transport} failed.", transport.Name);
            transport.Fail(e);
        }

        if (batch is not null && _outbox.Count > 0)
        {
            _outgoing.Signal();
        }
    }
}
