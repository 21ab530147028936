using System.Text.Json;
using Typed.Messages;

namespace Typed.Framing;

/// <summary>
/// The first message of a session: a <em>string</em> whose text is <c>{"sessionid":"&lt;id&gt;"}</c>.
/// (A handshake sent as an object is ignored by the 2010 browser client.)
/// </summary>
internal static class Handshake
{
    /// <param name="sessionId">The new session's id.</param>
    /// <param name="acknowledged">
    /// Whether the session uses acknowledged delivery: the handshake then says so with
    /// <c>"acks":true</c>, which 2010 clients (that never ask for it) would ignore.
    /// </param>
    /// <param name="timing">
    /// The server's rhythm for the session, told (as <c>"heartbeat"</c> and <c>"timeout"</c>, in
    /// milliseconds) only with acknowledged delivery, which only this project's clients ask for.
    /// </param>
    public static Message Create(string sessionId, bool acknowledged = false, SessionTiming? timing = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sessionid"u8, sessionId);
            if (acknowledged)
            {
                writer.WriteBoolean("acks"u8, true);
                if (timing is { } told)
                {
                    WriteMilliseconds(writer, "heartbeat"u8, told.Heartbeat);
                    WriteMilliseconds(writer, "timeout"u8, told.Timeout);
                }
            }

            writer.WriteEndObject();
        }

        return Message.FromText(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Reads the session id from a handshake message; false for any other message.</summary>
    public static bool TryReadSessionId(Message message, out string sessionId) => TryRead(message, out sessionId, out _);

    /// <summary>Reads a handshake: the session id, and whether the server agreed to acknowledged delivery.</summary>
    public static bool TryRead(Message message, out string sessionId, out bool acknowledged) =>
        TryRead(message, out sessionId, out acknowledged, out _);

    /// <summary>Reads a handshake: the session id, acknowledged delivery, and the server's timing when it told it.</summary>
    public static bool TryRead(Message message, out string sessionId, out bool acknowledged, out SessionTiming? timing)
    {
        sessionId = string.Empty;
        acknowledged = false;
        timing = null;
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
                acknowledged = document.RootElement.TryGetProperty("acks", out var acks) && acks.ValueKind == JsonValueKind.True;
                if (TryReadMilliseconds(document.RootElement, "heartbeat", out var heartbeat) && TryReadMilliseconds(document.RootElement, "timeout", out var timeout))
                {
                    timing = new SessionTiming(heartbeat, timeout);
                }

                return true;
            }
        }
        catch (JsonException)
        {
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A lone surrogate, which no handshake of ours carries: in the text, which then has no
            // UTF-8 form to parse (ArgumentException), or escaped in the session id (InvalidOperationException).
        }

        return false;
    }

    private static void WriteMilliseconds(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeSpan value) =>
        writer.WriteNumber(name, value == System.Threading.Timeout.InfiniteTimeSpan ? -1 : (long)value.TotalMilliseconds);

    /// <summary>A positive whole number of milliseconds (an infinite rhythm, -1, tells nothing to bound by).</summary>
    private static bool TryReadMilliseconds(JsonElement handshake, string name, out TimeSpan value)
    {
        value = default;
        if (!handshake.TryGetProperty(name, out var member) || member.ValueKind != JsonValueKind.Number || !member.TryGetInt64(out var milliseconds) || milliseconds <= 0 || milliseconds > int.MaxValue)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
