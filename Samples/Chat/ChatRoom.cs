using System.Collections.Concurrent;
using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>Who is here and what was said lately.</summary>
public sealed class ChatRoom
{
    private const int Remembered = 15;
    private readonly ConcurrentDictionary<string, string> _names = new();
    private readonly Queue<(long Number, string Line)> _history = new();

    // Lines are numbered from a random start, so that a number from another server of the
    // cluster, or from before a restart, never matches a line a page has already shown.
    private long _next = Random.Shared.NextInt64(1, 1L << 52);

    public int Join(Client client, string name)
    {
        _names[client.SessionId] = name;
        lock (_history)
        {
            var first = _history.TryPeek(out var oldest) ? oldest.Number : _next;
            client.Events<IChatClient>().History(first, [.. _history.Select(entry => entry.Line)]);
        }

        client.Broadcast<IChatClient>().Announced($"{name} joined");
        return _names.Count;
    }

    public long Say(Client client, string text)
    {
        var name = _names.GetValueOrDefault(client.SessionId, client.SessionId);
        lock (_history)
        {
            var number = _next++;
            _history.Enqueue((number, $"{name}: {text}"));
            while (_history.Count > Remembered)
            {
                _history.Dequeue();
            }

            // Sent under the lock, so that every page gets the lines in the order of their numbers.
            client.Broadcast<IChatClient>().Said(number, name, text);
            return number;
        }
    }

    public void Left(Client client)
    {
        if (_names.TryRemove(client.SessionId, out var name))
        {
            client.Listener.Events<IChatClient>(client.SessionId).Announced($"{name} left");
        }
    }
}
