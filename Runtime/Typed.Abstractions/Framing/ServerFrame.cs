using System.Buffers;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// What the server sends: <c>{"messages":[m1,m2,...]}</c>. Messages that waited go out together
/// in one frame; that is the protocol's batching.
/// </summary>
internal static class ServerFrame
{
    private static ReadOnlySpan<byte> Start => "{\"messages\":["u8;

    private static ReadOnlySpan<byte> End => "]}"u8;

    /// <summary>
    /// Starts a frame; follow with <see cref="WriteMessage"/> calls and <see cref="WriteEnd(IBufferWriter{byte})"/>
    /// (or, with acknowledged delivery, <see cref="WriteEnd(IBufferWriter{byte}, DeliveryNumbers)"/>).
    /// </summary>
    public static void WriteStart(IBufferWriter<byte> output) => output.Write(Start);

    /// <summary>Writes one message of a frame; <paramref name="first"/> for the first, every later one being preceded by a comma.</summary>
    /// <exception cref="ArgumentException">The message is the empty default value.</exception>
    public static void WriteMessage(IBufferWriter<byte> output, Message message, bool first) =>
        MessageArray.WriteElement(output, message, first);

    /// <summary>Ends a frame: <c>]}</c>.</summary>
    public static void WriteEnd(IBufferWriter<byte> output) => output.Write(End);

    /// <summary>Ends a frame with the acknowledged-delivery numbers: <c>],"seq":S,"ack":A}</c>.</summary>
    public static void WriteEnd(IBufferWriter<byte> output, DeliveryNumbers numbers)
    {
        output.Write("]"u8);
        numbers.WriteMembers(output, leadingComma: true);
        output.Write("}"u8);
    }

    /// <summary>Writes a whole frame: <c>{"messages":[m1,m2,...]}</c>.</summary>
    /// <exception cref="ArgumentException">A message is the empty default value.</exception>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<Message> messages)
    {
        WriteStart(output);
        for (var i = 0; i < messages.Length; i++)
        {
            WriteMessage(output, messages[i], first: i == 0);
        }

        WriteEnd(output);
    }

    /// <summary>A whole frame, as a new array.</summary>
    /// <exception cref="ArgumentException">A message is the empty default value.</exception>
    public static byte[] Encode(params ReadOnlySpan<Message> messages)
    {
        var length = Start.Length + End.Length + messages.Length;
        foreach (var message in messages)
        {
            length += message.Json.Length;
        }

        var writer = new ArrayBufferWriter<byte>(length);
        Write(writer, messages);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads the messages of a frame. A frame without a <c>messages</c> member (a heartbeat, or
    /// anything a newer server adds) yields none, as clients are to ignore it.
    /// </summary>
    /// <exception cref="ProtocolFormatException">Not a JSON object in valid UTF-8.</exception>
    public static IReadOnlyList<Message> Parse(ReadOnlyMemory<byte> frame) => ParseContent(frame).Messages;

    /// <summary>Reads a frame's messages and its acknowledged-delivery numbers, if it carries any.</summary>
    /// <param name="frame">The frame's bytes; the messages share its memory.</param>
    /// <param name="into">
    /// A list to add the messages to and hand back as <see cref="ServerFrameContent.Messages"/>
    /// (a connection reading frame after frame reuses one, emptied each time); a new list when null.
    /// </param>
    /// <exception cref="ProtocolFormatException">Not a JSON object in valid UTF-8.</exception>
    public static ServerFrameContent ParseContent(ReadOnlyMemory<byte> frame, List<Message>? into = null)
    {
        JsonValidation.EnsureUtf8(frame.Span);
        try
        {
            var reader = new Utf8JsonReader(frame.Span, JsonValidation.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ProtocolFormatException("A server frame is a JSON object.");
            }

            IReadOnlyList<Message> messages = [];
            var numbers = default(DeliveryNumbers);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.NameIs("messages"u8))
                {
                    reader.Read();
                    var read = into ?? new List<Message>(1);
                    MessageArray.ReadElements(ref reader, frame, read);
                    messages = read;
                }
                else if (!DeliveryNumbers.TryReadMember(ref reader, ref numbers))
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new ProtocolFormatException("A server frame holds one JSON object and nothing after it.");
            }

            return new ServerFrameContent(messages, numbers);
        }
        catch (JsonException e)
        {
            throw new ProtocolFormatException("The frame is not well-formed JSON: " + e.Message, e);
        }
    }
}

/// <summary>What one server frame carries.</summary>
internal readonly record struct ServerFrameContent(IReadOnlyList<Message> Messages, DeliveryNumbers Numbers);
