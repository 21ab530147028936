using System.Buffers;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// What a client sends: the JSON array <c>[m1,m2,...]</c>, one per WebSocket text frame or
/// <c>POST .../send</c> body.
/// </summary>
internal static class ClientPayload
{
    /// <summary>Writes the 2010 form of a payload: <c>[m1,m2,...]</c>.</summary>
    /// <exception cref="ArgumentException">A message is the empty default value.</exception>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<Message> messages) =>
        MessageArray.Write(output, messages);

    /// <summary>A payload in the 2010 form, as a new array.</summary>
    /// <exception cref="ArgumentException">A message is the empty default value.</exception>
    public static byte[] Encode(params ReadOnlySpan<Message> messages)
    {
        var writer = new ArrayBufferWriter<byte>();
        Write(writer, messages);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the acknowledged-delivery form of a payload, an object rather than an array:
    /// <c>{"seq":S,"ack":A,"messages":[...]}</c>, members that are not set left out.
    /// </summary>
    public static void WriteEnvelope(IBufferWriter<byte> output, ReadOnlySpan<Message> messages, DeliveryNumbers numbers)
    {
        MessageArray.WriteByte(output, (byte)'{');
        numbers.WriteMembers(output, leadingComma: false);
        if (!messages.IsEmpty)
        {
            output.Write(numbers.IsEmpty ? "\"messages\":"u8 : ",\"messages\":"u8);
            MessageArray.Write(output, messages);
        }

        MessageArray.WriteByte(output, (byte)'}');
    }

    /// <summary>A payload in the acknowledged-delivery form (see <see cref="WriteEnvelope"/>), as a new array.</summary>
    /// <exception cref="ArgumentException">A message is the empty default value.</exception>
    public static byte[] EncodeEnvelope(ReadOnlySpan<Message> messages, DeliveryNumbers numbers)
    {
        var writer = new ArrayBufferWriter<byte>();
        WriteEnvelope(writer, messages, numbers);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a payload; the messages share <paramref name="payload"/>'s memory.</summary>
    /// <exception cref="ProtocolFormatException">Not a JSON array in valid UTF-8.</exception>
    public static IReadOnlyList<Message> Parse(ReadOnlyMemory<byte> payload)
    {
        var content = ParseContent(payload, allowEnvelope: false);
        return content.Messages;
    }

    /// <summary>
    /// Parses a payload that may be either form: the 2010 array, or (when
    /// <paramref name="allowEnvelope"/>) the acknowledged-delivery object.
    /// </summary>
    /// <param name="payload">The payload's bytes; the messages share its memory.</param>
    /// <param name="allowEnvelope">Whether the acknowledged-delivery form is accepted.</param>
    /// <param name="into">
    /// A list to add the messages to and hand back as <see cref="ClientPayloadContent.Messages"/>
    /// (a connection reading payload after payload reuses one, emptied each time); a new list when null.
    /// </param>
    /// <exception cref="ProtocolFormatException">Neither form, or not valid UTF-8.</exception>
    public static ClientPayloadContent ParseContent(ReadOnlyMemory<byte> payload, bool allowEnvelope, List<Message>? into = null)
    {
        JsonValidation.EnsureUtf8(payload.Span);
        try
        {
            var reader = new Utf8JsonReader(payload.Span, JsonValidation.ReaderOptions);
            if (!reader.Read())
            {
                throw new ProtocolFormatException("Expected a JSON array of messages.");
            }

            var messages = into ?? new List<Message>(1);
            var numbers = default(DeliveryNumbers);
            if (allowEnvelope && reader.TokenType == JsonTokenType.StartObject)
            {
                numbers = ReadEnvelope(ref reader, payload, messages);
            }
            else
            {
                MessageArray.ReadElements(ref reader, payload, messages);
            }

            if (reader.Read())
            {
                throw new ProtocolFormatException("A payload holds one JSON value and nothing after it.");
            }

            return new ClientPayloadContent(messages, numbers);
        }
        catch (JsonException e)
        {
            throw new ProtocolFormatException("The payload is not well-formed JSON: " + e.Message, e);
        }
    }

    private static DeliveryNumbers ReadEnvelope(ref Utf8JsonReader reader, ReadOnlyMemory<byte> payload, List<Message> messages)
    {
        var numbers = default(DeliveryNumbers);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.NameIs("messages"u8))
            {
                reader.Read();
                MessageArray.ReadElements(ref reader, payload, messages);
            }
            else if (!DeliveryNumbers.TryReadMember(ref reader, ref numbers))
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (messages.Count > 0 && numbers.Seq is null)
        {
            throw new ProtocolFormatException("An acknowledged payload numbers its messages with seq.");
        }

        return numbers;
    }
}

/// <summary>What one client payload carries.</summary>
internal readonly record struct ClientPayloadContent(IReadOnlyList<Message> Messages, DeliveryNumbers Numbers);
