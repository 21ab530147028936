using Typed.Events;

namespace Chat.Contracts;

/// <summary>What a chat page or client sends; the server handles it.</summary>
[Events]
public interface IChatServer
{
    /// <summary>Says something to everyone else, as the signed-in user; answers with the line's number.</summary>
    Task<long> Say(string text);

    /// <summary>Joins as the signed-in user; answers with how many people (users, not tabs) are here.</summary>
    Task<int> Join();
}

/// <summary>What the server sends to chat pages and clients.</summary>
[Events]
public interface IChatClient
{
    /// <summary><paramref name="user"/> said something, in the line numbered <paramref name="number"/>.</summary>
    void Said(long number, string user, string text);

    /// <summary>Someone came or went.</summary>
    void Announced(string text);

    /// <summary>
    /// The last lines, sent on joining, numbered from <paramref name="first"/> on: a page that
    /// joins again (over another transport, say) shows only the ones it has not shown.
    /// </summary>
    void History(long first, List<string> lines);
}
