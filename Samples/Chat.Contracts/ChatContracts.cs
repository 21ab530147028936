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

    /// <summary>
    /// Says something to <paramref name="recipient"/> alone, in every tab of theirs (and the sender's
    /// other tabs); answers whether that user is here: nothing is sent to someone absent.
    /// </summary>
    Task<bool> Whisper(string recipient, string text);
}

/// <summary>What the server sends to chat pages and clients.</summary>
[Events]
public interface IChatClient
{
    /// <summary><paramref name="user"/> said something, in the line numbered <paramref name="number"/>.</summary>
    void Said(long number, string user, string text);

    /// <summary><paramref name="sender"/> whispered to <paramref name="recipient"/>; nobody else hears it.</summary>
    void Whispered(string sender, string recipient, string text);

    /// <summary>Someone came or went.</summary>
    void Announced(string text);

    /// <summary>
    /// The last lines, sent on joining, numbered from <paramref name="first"/> on: a page that
    /// joins again (over another transport, say) shows only the ones it has not shown.
    /// </summary>
    void History(long first, List<string> lines);
}
