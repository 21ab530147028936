using Typed.Buffers;
using Typed.Framing;
using Typed.Messages;

namespace Typed.Server.Sessions;

/// <summary>
/// Everything a downstream takes from its session in one go, written as one frame: the
/// handshake first when it has not been delivered yet, then the queued messages in order.
/// </summary>
internal readonly struct OutgoingBatch(Message? handshake, List<Outgoing> messages, DeliveryNumbers numbers = default)
{
    public Message? Handshake { get; } = handshake;

    public List<Outgoing> Messages { get; } = messages;

    /// <summary>With acknowledged delivery: the first message's number and the client's last one received.</summary>
    public DeliveryNumbers Numbers { get; } = numbers;

    public int Count => Messages.Count + (Handshake is null ? 0 : 1);

    /// <summary>The frame's bytes: a broadcast's shared frame when it goes alone, else encoded into <paramref name="scratch"/>.</summary>
    public ReadOnlyMemory<byte> Encode(PooledBufferWriter scratch)
    {
        if (Handshake is null && Numbers.IsEmpty && Messages is [{ SharedFrame.IsEmpty: false } only])
        {
            return only.SharedFrame;
        }

        scratch.Clear();
        ServerFrame.WriteStart(scratch);
        var first = true;
        if (Handshake is { } handshakeMessage)
        {
            ServerFrame.WriteMessage(scratch, handshakeMessage, first);
            first = false;
        }

        foreach (var item in Messages)
        {
            ServerFrame.WriteMessage(scratch, item.Message, first);
            first = false;
        }

        if (Numbers.IsEmpty)
        {
            ServerFrame.WriteEnd(scratch);
        }
        else
        {
            ServerFrame.WriteEnd(scratch, Numbers);
        }

        return scratch.WrittenMemory;
    }
}
