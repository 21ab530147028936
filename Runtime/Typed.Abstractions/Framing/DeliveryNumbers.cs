using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// The numbers of the acknowledged-delivery extension: <c>seq</c>, the sequence number of the
/// first message in a frame or payload (messages are numbered from 1, per direction), and
/// <c>ack</c>, the highest sequence number the sender has received from the other side.
/// </summary>
internal readonly record struct DeliveryNumbers(long? Seq, long? Ack)
{
    /// <summary>True when neither number is set, as in every frame and payload of the 2010 protocol.</summary>
    public bool IsEmpty => Seq is null && Ack is null;

    /// <summary>Writes <c>"seq":S,"ack":A</c> for the members that are set, each preceded by a comma when <paramref name="leadingComma"/>.</summary>
    internal void WriteMembers(IBufferWriter<byte> output, bool leadingComma)
    {
        if (Seq is { } seq)
        {
            WriteMember(output, leadingComma ? ",\"seq\":"u8 : "\"seq\":"u8, seq);
            leadingComma = true;
        }

        if (Ack is { } ack)
        {
            WriteMember(output, leadingComma ? ",\"ack\":"u8 : "\"ack\":"u8, ack);
        }
    }

    /// <summary>Reads a <c>seq</c> or <c>ack</c> member the reader stands on; false for any other member.</summary>
    internal static bool TryReadMember(ref Utf8JsonReader reader, ref DeliveryNumbers numbers)
    {
        var isSeq = reader.NameIs("seq"u8);
        if (!isSeq && !reader.NameIs("ack"u8))
        {
            return false;
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
        {
            throw new ProtocolFormatException("seq and ack are whole numbers, zero or more.");
        }

        numbers = isSeq ? numbers with { Seq = value } : numbers with { Ack = value };
        return true;
    }

    private static void WriteMember(IBufferWriter<byte> output, ReadOnlySpan<byte> name, long value)
    {
        output.Write(name);
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }
}
