using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>
/// What was said lately in each room, on this server, and the lines' numbers. Entering a room and
/// saying something in it take the same lock, so that a newcomer gets every line once: in the
/// history sent on entering, or as said after it. A room's lines outlive its members, so that a
/// page switching transports, out of the room for a moment, loses nothing (a demo's memory: an
/// app would bound how many rooms it remembers).
/// </summary>
public sealed class RoomHistory
{
    private const int Remembered = 15;

    private readonly Dictionary<string, Queue<(long Number, string Line)>> _lines = new(StringComparer.Ordinal);

    // Lines are numbered from a random start, so that a number from another server of the
    // cluster, or from before a restart, never matches a line a page has already shown.
    private long _next = Random.Shared.NextInt64(1, 1L << 52);

    /// <summary>Joins the client to the room and sends it the room's last lines.</summary>
    public void Enter(Client client, string room)
    {
        lock (_lines)
        {
            client.Join(room);
            var lines = _lines.GetValueOrDefault(room);
            var first = lines is not null && lines.TryPeek(out var oldest) ? oldest.Number : _next;
            client.Events<IChatClient>().History(room, first, [.. (lines ?? []).Select(entry => entry.Line)]);
        }
    }

    /// <summary>Says a line to the room's other members (the speaker's other tabs too); answers with its number.</summary>
    public long Say(Client client, string user, string room, string text)
    {
        lock (_lines)
        {
            var number = _next++;
            if (!_lines.TryGetValue(room, out var lines))
            {
                _lines[room] = lines = new Queue<(long, string)>();
            }

            lines.Enqueue((number, $"{user}: {text}"));
            while (lines.Count > Remembered)
            {
                lines.Dequeue();
            }

            // Sent under the lock, so that every page gets the lines in the order of their numbers.
            client.To(room).Events<IChatClient>().Said(room, number, user, text);
            return number;
        }
    }
}
