using System.Text.Json;
using Typed.Messages;

namespace Typed.Events;

/// <summary>
/// The wire form of typed events, fixed once: an event is <c>{"event":"Name","args":[...]}</c>
/// (with <c>"id":N</c> when it expects an answer); an answer is <c>{"answer":N,"result":value}</c>
/// or <c>{"answer":N,"error":"message"}</c>. Any other message is a plain one.
/// </summary>
public static class EventWire
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
        if (!Has(message, Event) || !TryParse(message, out var root))
        {
            return false;
        }

        if (!root.TryGetProperty(Event, out var name) || name.ValueKind != JsonValueKind.String
            || !root.TryGetProperty(Args, out var args) || args.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        long? id = root.TryGetProperty(Id, out var idElement) && idElement.TryGetInt64(out var value) ? value : null;
        incoming = new IncomingEvent(name.GetString()!, args, id);
        return true;
    }

    /// <summary>Reads an answer message; false for anything else.</summary>
    public static bool TryReadAnswer(Message message, out long id, out JsonElement result, out string? error)
    {
        id = 0;
        result = default;
        error = null;
        if (!Has(message, Answer) || !TryParse(message, out var root)
            || !root.TryGetProperty(Answer, out var idElement) || !idElement.TryGetInt64(out id))
        {
            return false;
        }

        if (root.TryGetProperty(Error, out var errorElement))
        {
            error = errorElement.ValueKind == JsonValueKind.String ? errorElement.GetString() : errorElement.GetRawText();
            return true;
        }

        result = root.TryGetProperty(Result, out var resultElement) ? resultElement : default;
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

    /// <summary>
    /// Whether the message is an object with the top-level member <paramref name="name"/>: a read
    /// through it that builds nothing, so that plain objects and the other kind are told apart
    /// without a document.
    /// </summary>
    private static bool Has(Message message, ReadOnlySpan<byte> name)
    {
        if (message.IsEmpty || message.Kind != MessageKind.Object)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(message.Json.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(name))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON the parser accepts: not an event either.
        }

        return false;
    }

    private static bool TryParse(Message message, out JsonElement root)
    {
        try
        {
            // Not disposed: the elements outlive this call (a dispatcher may read them after an
            // await). Undisposed, its rented array never goes back to the pool, which costs less
            // than the copy that Clone would make.
            root = JsonDocument.Parse(message.Json).RootElement;
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

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
