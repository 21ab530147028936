using System.Collections.Concurrent;
using Chat.Contracts;

namespace Chat.Client;

/// <summary>What the server sends, printed a line each, as the page shows it, each line under its room.</summary>
internal sealed class ConsoleChatView : IChatClient
{
    private readonly ConcurrentDictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    public void Said(string room, long number, string user, string text) => Console.WriteLine($"#{room} {user}: {text}");

    public void Whispered(string sender, string recipient, string text) => Console.WriteLine($"{sender} → {recipient}: {text}");

    public void Announced(string room, string text) => Console.WriteLine($"* {text}");

    // Kept for /who rather than printed: the announcements say the same as it changes.
    public void Members(string room, List<string> users) => _members[room] = users;

    public void History(string room, long first, List<string> lines) => lines.ForEach(line => Console.WriteLine($"#{room} {line}"));

    /// <summary>Who is in the room, as the server last said.</summary>
    public IReadOnlyList<string> MembersOf(string room) => _members.GetValueOrDefault(room) ?? [];
}
