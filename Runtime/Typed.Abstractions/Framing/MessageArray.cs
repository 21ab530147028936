using System.Buffers;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// The JSON array of messages at the heart of both directions: <c>[m1,m2,...]</c>. Elements are
/// sliced out of the input, never re-encoded, so each message keeps its exact bytes.
/// </summary>
internal static class MessageArray
{
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<Message> messages)
    {
        WriteByte(output, (byte)'[');
        for (var i = 0; i < messages.Length; i++)
        {
            WriteElement(output, messages[i], first: i == 0);
        }

        WriteByte(output, (byte)']');
    }

    public static void WriteElement(IBufferWriter<byte> output, Message message, bool first)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("A message must hold a JSON value.", nameof(message));
        }

        if (!first)
        {
            WriteByte(output, (byte)',');
        }

        output.Write(message.Json.Span);
    }

    /// <summary>Reads the array the reader stands before (or on), slicing each element out of <paramref name="source"/> into <paramref name="into"/>.</summary>
    public static void ReadElements(ref Utf8JsonReader reader, ReadOnlyMemory<byte> source, List<Message> into)
    {
        if (reader.TokenType != JsonTokenType.StartArray && (!reader.Read() || reader.TokenType != JsonTokenType.StartArray))
        {
            throw new ProtocolFormatException("Expected a JSON array of messages.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            var end = checked((int)reader.BytesConsumed);
            into.Add(Message.FromValidatedJson(source[start..end]));
        }
    }

    public static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
