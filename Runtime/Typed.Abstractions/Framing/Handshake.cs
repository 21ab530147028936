using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// The first message of a session: a <em>string</em> whose text is <c>{"sessionid":"&lt;id&gt;"}</c>.
/// (A handshake sent as an object is ignored by the 2010 browser client.)
/// </summary>
public static class Handshake
{
    public static Message Create(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sessionid"u8, sessionId);
            writer.WriteEndObject();
        }

        return Message.FromText(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Reads the session id from a handshake message; false for any other message.</summary>
    public static bool TryReadSessionId(Message message, out string sessionId)
    {
        sessionId = string.Empty;
        if (!message.IsText)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(message.Text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("sessionid", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } value)
            {
                sessionId = value;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // The session id holds an escaped lone surrogate, which no handshake of ours carries.
        }

        return false;
    }
}
