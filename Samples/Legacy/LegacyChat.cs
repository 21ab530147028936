using System.Text.Json;
using Typed.Messages;
using Typed.Server;

namespace Legacy;

/// <summary>
/// The 2010 demo's whole server: a buffer of the last 15 messages for newcomers, an announcement
/// when someone comes or goes, and every message to everyone else.
/// </summary>
/// <remarks>
/// As in 2010 every message is a string holding JSON, because the 2010 page runs
/// <c>JSON.parse</c> on each one.
/// </remarks>
public sealed class LegacyChat
{
    private const int Remembered = 15;
    private readonly Queue<Said> _buffer = new();

    public void Connected(Client client)
    {
        lock (_buffer)
        {
            client.Send(Json(new Buffer([.. _buffer]), LegacyJson.Plain.Buffer));
        }

        client.Broadcast(Json(new Announcement($"{client.SessionId} connected"), LegacyJson.Plain.Announcement));
    }

    public void Said(Client client, Message message)
    {
        // The 2010 client sends strings; anything else is passed on as its JSON text.
        var said = new Said([client.SessionId, message.ToString()]);
        lock (_buffer)
        {
            _buffer.Enqueue(said);
            while (_buffer.Count > Remembered)
            {
                _buffer.Dequeue();
            }
        }

        client.Broadcast(Json(said, LegacyJson.Plain.Said));
    }

    public void Disconnected(Client client) =>
        client.Broadcast(Json(new Announcement($"{client.SessionId} disconnected"), LegacyJson.Plain.Announcement));

    private static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value, type);
}
