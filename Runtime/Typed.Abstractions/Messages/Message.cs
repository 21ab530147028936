using System.Text;
using System.Text.Json;

namespace Typed.Messages;

/// <summary>
/// One protocol message: any JSON value, kept as the raw UTF-8 JSON it arrived as, so that a
/// message relayed by the server leaves byte for byte as it came in.
/// </summary>
public readonly struct Message : IEquatable<Message>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private Message(ReadOnlyMemory<byte> json) => Json = json;

    /// <summary>The message's UTF-8 JSON text, exactly as it travels inside a frame or payload.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>True for the default value, which holds no JSON at all.</summary>
    public bool IsEmpty => Json.IsEmpty;

    /// <summary>The message's JSON type, read from its first byte.</summary>
    /// <exception cref="InvalidOperationException">The message is the empty default value.</exception>
    public MessageKind Kind => IsEmpty
        ? throw new InvalidOperationException("The message is empty; it holds no JSON value.")
        : Json.Span[0] switch
        {
            (byte)'"' => MessageKind.Text,
            (byte)'{' => MessageKind.Object,
            (byte)'[' => MessageKind.Array,
            _ => MessageKind.Scalar,
        };

    /// <summary>True for a JSON string message; false for any other and for the empty default.</summary>
    public bool IsText => !IsEmpty && Kind == MessageKind.Text;

    /// <summary>The text of a string message, exactly as it was sent.</summary>
    /// <exception cref="InvalidOperationException">The message is not a JSON string.</exception>
    public string Text => IsText
        ? JsonString.Read(Json.Span)
        : throw new InvalidOperationException($"The message is a JSON {Kind}, not a string.");

    /// <summary>Makes a plain string message.</summary>
    public static Message FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Message(JsonString.Encode(text));
    }

    /// <summary>Wraps one JSON value, checking that it is exactly one well-formed value (white space around it is dropped).</summary>
    /// <exception cref="ProtocolFormatException">The input is not one JSON value in valid UTF-8.</exception>
    public static Message FromJson(ReadOnlyMemory<byte> utf8Json)
    {
        var trimmed = JsonValidation.TrimWhiteSpace(utf8Json);
        JsonValidation.EnsureSingleValue(trimmed.Span);
        return new Message(trimmed);
    }

    /// <inheritdoc cref="FromJson(ReadOnlyMemory{byte})"/>
    public static Message FromJson(string json)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            // A lone surrogate has no UTF-8 form; replacing it with U+FFFD would alter the message.
            throw new ProtocolFormatException("The input holds a lone surrogate, which has no UTF-8 form.", e);
        }

        return FromJson(utf8);
    }

    /// <summary>Wraps JSON that a parser of this assembly has already checked.</summary>
    internal static Message FromValidatedJson(ReadOnlyMemory<byte> utf8Json) => new(utf8Json);

    /// <summary>Parses the message as a JSON document, for senders of objects and numbers.</summary>
    public JsonDocument ToJsonDocument() => JsonDocument.Parse(Json);

    /// <summary>The message's JSON as a .NET string.</summary>
    public string ToJsonString() => Encoding.UTF8.GetString(Json.Span);

    /// <summary>The text of a string message, the JSON of any other (an empty string for the empty default).</summary>
    public override string ToString() => IsText ? Text : ToJsonString();

    /// <summary>
    /// True when both hold the same JSON bytes. Equal values written differently (<c>1</c> and <c>1.0</c>,
    /// an object's members in another order) are different messages.
    /// </summary>
    public bool Equals(Message other) => Json.Span.SequenceEqual(other.Json.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Message other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Json.Span);
        return hash.ToHashCode();
    }

    /// <summary>True when both hold the same JSON bytes, as <see cref="Equals(Message)"/>.</summary>
    public static bool operator ==(Message left, Message right) => left.Equals(right);

    /// <summary>True when they hold different JSON bytes, as <see cref="Equals(Message)"/>.</summary>
    public static bool operator !=(Message left, Message right) => !left.Equals(right);

    /// <summary>A string is a plain string message, as <see cref="FromText"/> makes it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static implicit operator Message(string text) => FromText(text);
}
