using System.Buffers;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// What a client sends: the JSON array <c>[m1,m2,...]</c>, one per WebSocket text frame or
/// <c>POST .../send</c> body.
/// </summary>
public static class ClientPayload
{
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<Message> messages) =>
        MessageArray.Write(output, messages);

    public static byte[] Encode(params ReadOnlySpan<Message> messages)
    {
        var writer = new ArrayBufferWriter<byte>();
        Write(writer, messages);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a payload; the messages share <paramref name="payload"/>'s memory.</summary>
    /// <exception cref="ProtocolFormatException">Not a JSON array in valid UTF-8.</exception>
    public static IReadOnlyList<Message> Parse(ReadOnlyMemory<byte> payload)
    {
        JsonValidation.EnsureUtf8(payload.Span);
        try
        {
            var reader = new Utf8JsonReader(payload.Span, JsonValidation.ReaderOptions);
            var messages = MessageArray.ReadElements(ref reader, payload);
            if (reader.Read())
            {
                throw new ProtocolFormatException("A payload holds one JSON array and nothing after it.");
            }

            return messages;
        }
        catch (JsonException e)
        {
            throw new ProtocolFormatException("The payload is not well-formed JSON: " + e.Message, e);
        }
    }
}
