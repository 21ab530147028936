using Chat.Contracts;

namespace Chat.Client;

/// <summary>What the server sends, printed a line each, as the page shows it.</summary>
internal sealed class ConsoleChatView : IChatClient
{
    public void Said(long number, string user, string text) => Console.WriteLine($"{user}: {text}");

    public void Whispered(string sender, string recipient, string text) => Console.WriteLine($"{sender} → {recipient}: {text}");

    public void Announced(string text) => Console.WriteLine($"* {text}");

    public void History(long first, List<string> lines) => lines.ForEach(Console.WriteLine);
}
