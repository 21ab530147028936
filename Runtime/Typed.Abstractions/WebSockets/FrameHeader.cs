using System.Buffers;
using System.Buffers.Binary;

namespace Typed.WebSockets;

/// <summary>One frame's header, as RFC 6455 section 5.2 lays it out: read by the server's end, written by both ends.</summary>
internal readonly record struct FrameHeader(bool Final, byte Reserved, Opcode Opcode, bool Masked, long PayloadLength, uint Mask, int Length)
{
    public const int MaxLength = 14;

    public bool IsControl => ((byte)Opcode & 0x8) != 0;

    /// <summary>Reads a header from the start of <paramref name="data"/>; false while not all of it has arrived.</summary>
    public static bool TryRead(ReadOnlySequence<byte> data, out FrameHeader header)
    {
        header = default;
        Span<byte> bytes = stackalloc byte[MaxLength];
        var available = (int)Math.Min(data.Length, MaxLength);
        if (available < 2)
        {
            return false;
        }

        data.Slice(0, available).CopyTo(bytes);
        var masked = (bytes[1] & 0x80) != 0;
        var lengthCode = bytes[1] & 0x7F;
        var lengthBytes = lengthCode switch { 126 => 2, 127 => 8, _ => 0 };
        var length = 2 + lengthBytes + (masked ? 4 : 0);
        if (available < length)
        {
            return false;
        }

        long payloadLength = lengthCode switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]),
            127 => (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(bytes[2..]), long.MaxValue),
            _ => lengthCode,
        };
        var mask = masked ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[(2 + lengthBytes)..]) : 0;
        header = new FrameHeader((bytes[0] & 0x80) != 0, (byte)(bytes[0] & 0x70), (Opcode)(bytes[0] & 0x0F), masked, payloadLength, mask, length);
        return true;
    }

    /// <summary>Writes a frame header without its masking key (a server's; a client sets the mask bit and adds the key); its length.</summary>
    public static int Write(Span<byte> destination, Opcode opcode, bool final, long payloadLength)
    {
        destination[0] = (byte)((final ? 0x80 : 0) | (byte)opcode);
        if (payloadLength <= 125)
        {
            destination[1] = (byte)payloadLength;
            return 2;
        }

        if (payloadLength <= ushort.MaxValue)
        {
            destination[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)payloadLength);
            return 4;
        }

        destination[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(destination[2..], (ulong)payloadLength);
        return 10;
    }
}

/// <summary>RFC 6455 frame types.</summary>
internal enum Opcode : byte
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
}
