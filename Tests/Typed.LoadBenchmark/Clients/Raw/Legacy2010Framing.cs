using System.Text.Json;

namespace Typed.LoadBenchmark.Clients.Raw;

/// <summary>
/// The 2010 protocol as the original browser client speaks it over <c>websocket</c>: payloads are
/// JSON arrays of messages, frames are <c>{"messages":[...]}</c> (the first one carrying the
/// session id), heartbeats are frames without messages, and nothing is numbered or acknowledged.
/// </summary>
internal sealed class Legacy2010Framing : IWireFraming
{
    public static readonly Legacy2010Framing Instance = new();

    public bool ServerSpeaksFirst => true;

    public Uri Endpoint(Uri server) => new($"ws://{server.Authority}/socket.io/websocket");

    public byte[] Message(string text) => JsonSerializer.SerializeToUtf8Bytes(new[] { text });

    /// <summary>A typed event, as the browser client writes one: <c>[{"event":"Shout","args":[text]}]</c>.</summary>
    public byte[] Shout(string text) => JsonSerializer.SerializeToUtf8Bytes(new[] { new Dictionary<string, object> { ["event"] = "Shout", ["args"] = new[] { text } } });

    public int Count(ReadOnlySpan<byte> received)
    {
        var reader = new Utf8JsonReader(received);
        reader.Read(); // the frame's object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMessages = reader.ValueTextEquals("messages"u8);
            reader.Read();
            if (!isMessages)
            {
                reader.Skip();
                continue;
            }

            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                reader.Skip();
            }

            return count;
        }

        return 0;
    }
}
