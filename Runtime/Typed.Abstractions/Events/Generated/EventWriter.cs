using System.ComponentModel;
using System.Text.Json;
using Typed.Messages;

namespace Typed.Events.Generated;

/// <summary>
/// Builds one event message: <c>{"event":"Name","args":[...]}</c>, with <c>"id":N</c> when an answer
/// is expected. Generated senders write the arguments into <see cref="Json"/> in order.
/// </summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EventWriter : IDisposable
{
    private readonly JsonScratch _scratch = JsonScratch.Rent();

    private EventWriter(string name, long? id)
    {
        Json = _scratch.Json;
        Json.WriteStartObject();
        Json.WriteString(EventWire.Event, name);
        if (id is { } value)
        {
            Json.WriteNumber(EventWire.Id, value);
        }

        Json.WriteStartArray(EventWire.Args);
    }

    /// <summary>Where the arguments go, one JSON value each.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Starts the event <paramref name="name"/>, with <paramref name="id"/> when an answer is expected.</summary>
    public static EventWriter Start(string name, long? id = null) => new(name, id);

    /// <summary>Ends the message and returns it.</summary>
    public Message Finish()
    {
        Json.WriteEndArray();
        Json.WriteEndObject();
        return Message.FromValidatedJson(_scratch.ToArray());
    }

    /// <summary>Gives the writer back for the next event; a message already finished stays valid.</summary>
    public void Dispose() => _scratch.Dispose();
}
