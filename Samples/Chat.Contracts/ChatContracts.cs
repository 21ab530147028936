using Typed.Events;

namespace Chat.Contracts;

/// <summary>What a chat page or client sends; the server handles it.</summary>
[Events]
public interface IChatServer
{
    /// <summary>Says something to everyone else.</summary>
    void Say(string text);

    /// <summary>Picks a name; answers with how many people are here.</summary>
    Task<int> Join(string name);
}

/// <summary>What the server sends to chat pages and clients.</summary>
[Events]
public interface IChatClient
{
    /// <summary>Someone said something.</summary>
    void Said(string user, string text);

    /// <summary>Someone came or went.</summary>
    void Announced(string text);

    /// <summary>The last messages, sent on joining.</summary>
    void History(List<string> lines);
}
