using Typed.Events;

namespace Chat.Contracts;

/// <summary>What a chat page or client sends; the server handles it.</summary>
[Events]
public interface IChatServer
{
    /// <summary>
    /// Enters a room as the signed-in user, making it by entering it (every session enters
    /// "lobby" first); the room's last lines and members follow as events. Answers with how many
    /// people (users, not tabs) are in it, or 0 for a name that is no room's: 1 to 30 characters,
    /// no spaces.
    /// </summary>
    Task<int> Enter(string room);

    /// <summary>Leaves a room; the lobby is never left.</summary>
    Task Leave(string room);

    /// <summary>
    /// Says something to everyone else in a room the sender is in; answers with the line's number,
    /// or 0 when the sender is not in it and nothing was said.
    /// </summary>
    Task<long> Say(string room, string text);

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
    /// <summary><paramref name="user"/> said something in a room, in the line numbered <paramref name="number"/>.</summary>
    void Said(string room, long number, string user, string text);

    /// <summary><paramref name="sender"/> whispered to <paramref name="recipient"/>; nobody else hears it.</summary>
    void Whispered(string sender, string recipient, string text);

    /// <summary>Someone came to a room or went.</summary>
    void Announced(string room, string text);

    /// <summary>Who is in a room now (users, not tabs), sent on entering it and whenever it changes.</summary>
    void Members(string room, List<string> users);

    /// <summary>
    /// A room's last lines, sent on entering it, numbered from <paramref name="first"/> on: a page
    /// that enters again (over another transport, say) shows only the ones it has not shown.
    /// </summary>
    void History(string room, long first, List<string> lines);
}
