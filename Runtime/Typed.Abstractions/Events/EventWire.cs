using System.Text.Json;
using Typed.Events.Generated;
using Typed.Messages;

namespace Typed.Events;

/// <summary>
/// The wire form of typed events, fixed once: an event is <c>{"event":"Name","args":[...]}</c>
/// (with <c>"id":N</c> when it expects an answer); an answer is <c>{"answer":N,"result":value}</c>
/// or <c>{"answer":N,"error":"message"}</c>. Any other message is a plain one.
/// </summary>
internal static class EventWire
{
    internal static ReadOnlySpan<byte> Event => "event"u8;

    internal static ReadOnlySpan<byte> Args => "args"u8;

    internal static ReadOnlySpan<byte> Id => "id"u8;

    internal static ReadOnlySpan<byte> Answer => "answer"u8;

    internal static ReadOnlySpan<byte> Result => "result"u8;

    internal static ReadOnlySpan<byte> Error => "error"u8;

    /// <summary>Reads an event message; false for anything else (a string, any other object).</summary>
    public static bool TryReadEvent(Message message, out IncomingEvent incoming)
    {
        incoming = default;
        if (!IsObject(message))
        {
            return false;
        }

        // One pass of a reader over the members; only the arguments become a document.
        string? name = null;
        long? id = null;
        JsonElement? args = null;
        try
        {
            var reader = new Utf8JsonReader(message.Json.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.NameIs(Event))
                {
                    reader.Read();
                    name = reader.TokenType == JsonTokenType.String ? ReadText(ref reader, message) : null;
                }
                else if (reader.NameIs(Args))
                {
                    reader.Read();
                    args = reader.TokenType == JsonTokenType.StartArray ? JsonElement.ParseValue(ref reader) : null;
                    if (args is null)
                    {
                        reader.Skip();
                    }
                }
                else if (reader.NameIs(Id))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (name is null || args is not { } arguments)
        {
            return false;
        }

        incoming = new IncomingEvent(name, arguments, id);
        return true;
    }

    /// <summary>Reads an answer message; false for anything else.</summary>
    public static bool TryReadAnswer(Message message, out long id, out JsonElement result, out string? error)
    {
        id = 0;
        result = default;
        error = null;
        if (!IsObject(message))
        {
            return false;
        }

        long? answer = null;
        try
        {
            var reader = new Utf8JsonReader(message.Json.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.NameIs(Answer))
                {
                    reader.Read();
                    answer = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
                    reader.Skip();
                }
                else if (reader.NameIs(Result))
                {
                    reader.Read();
                    result = JsonElement.ParseValue(ref reader);
                }
                else if (reader.NameIs(Error))
                {
                    reader.Read();
                    error = reader.TokenType == JsonTokenType.String ? ReadText(ref reader, message) : JsonElement.ParseValue(ref reader).GetRawText();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (answer is not { } number)
        {
            error = null;
            result = default;
            return false;
        }

        id = number;
        return true;
    }

    /// <summary>The answer carrying a handler's result (its JSON; empty for none).</summary>
    public static Message AnswerWith(long id, ReadOnlyMemory<byte> result)
    {
        using var writer = new AnswerWriter(id);
        writer.Json.WritePropertyName(Result);
        if (result.IsEmpty)
        {
            writer.Json.WriteNullValue();
        }
        else
        {
            writer.Json.WriteRawValue(result.Span, skipInputValidation: true);
        }

        return writer.Finish();
    }

    /// <summary>The answer saying a handler failed; only the message crosses the wire.</summary>
    public static Message AnswerWithError(long id, string message)
    {
        using var writer = new AnswerWriter(id);
        writer.Json.WriteString(Error, message);
        return writer.Finish();
    }

    private static bool IsObject(Message message) => !message.IsEmpty && message.Kind == MessageKind.Object;

    // The string the reader stands on, exactly as sent: GetString throws for an escaped lone surrogate.
    private static string ReadText(ref Utf8JsonReader reader, Message message) =>
        JsonString.Read(message.Json.Span[(int)reader.TokenStartIndex..(int)reader.BytesConsumed]);

    private sealed class AnswerWriter : IDisposable
    {
        private readonly JsonScratch _scratch = JsonScratch.Rent();

        public AnswerWriter(long id)
        {
            Json.WriteStartObject();
            Json.WriteNumber(Answer, id);
        }

        public Utf8JsonWriter Json => _scratch.Json;

        public Message Finish()
        {
            Json.WriteEndObject();
            return Message.FromValidatedJson(_scratch.ToArray());
        }

        public void Dispose() => _scratch.Dispose();
    }
}
