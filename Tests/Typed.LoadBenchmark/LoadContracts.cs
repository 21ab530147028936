using Typed.Events;

namespace Typed.LoadBenchmark;

/// <summary>What the load clients send to our server; the SignalR hub has the same methods.</summary>
[Events]
public interface ILoadServer
{
    /// <summary>Answers with its text: the typed echo.</summary>
    Task<string> Echo(string text);

    /// <summary>Sends the text to everyone connected: the broadcast.</summary>
    void Shout(string text);

    /// <summary>Puts the sender in the room; true when it was not in it yet.</summary>
    Task<bool> Join(string room);

    /// <summary>Sends the text to the room's members: the rooms scenario.</summary>
    void ShoutTo(string room, string text);
}
