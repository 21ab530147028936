using System.Collections.Concurrent;
using Chat.Contracts;
using Typed.Server;

namespace Chat;

/// <summary>Who is here and what was said lately.</summary>
public sealed class ChatRoom
{
    private const int Remembered = 15;
    private readonly ConcurrentDictionary<string, string> _names = new();
    private readonly Queue<string> _history = new();

    public int Join(Client client, string name)
    {
        _names[client.SessionId] = name;
        lock (_history)
        {
            client.Events<IChatClient>().History([.. _history]);
        }

        client.Broadcast<IChatClient>().Announced($"{name} joined");
        return _names.Count;
    }

    public void Say(Client client, string text)
    {
        var name = _names.GetValueOrDefault(client.SessionId, client.SessionId);
        lock (_history)
        {
            _history.Enqueue($"{name}: {text}");
            while (_history.Count > Remembered)
            {
                _history.Dequeue();
            }
        }

        client.Broadcast<IChatClient>().Said(name, text);
    }

    public void Left(Client client)
    {
        if (_names.TryRemove(client.SessionId, out var name))
        {
            client.Listener.Events<IChatClient>(client.SessionId).Announced($"{name} left");
        }
    }
}
