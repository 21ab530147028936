using Chat.Contracts;
using Typed.Client;

namespace Chat.Client;

/// <summary>
/// The lines typed at the console: <c>/join room</c>, <c>/leave room</c>, <c>/rooms</c>,
/// <c>/who</c>, <c>/w name text</c>, <c>#room text</c> to say something in a room, and anything
/// else said in the current room (the last one joined).
/// </summary>
internal sealed class ChatCommands(Socket socket, ConsoleChatView view)
{
    private readonly List<string> _rooms = [];
    private string _current = "lobby";

    private IChatServer Server => socket.Events<IChatServer>();

    public async Task EnterAsync(string room)
    {
        var members = await Server.Enter(room);
        if (members == 0)
        {
            Console.WriteLine($"* {room} is no room's name: 1 to 30 characters, no spaces");
            return;
        }

        if (!_rooms.Contains(room))
        {
            _rooms.Add(room);
        }

        _current = room;
        Console.WriteLine($"* #{room}: {members} here");
    }

    public async Task HandleAsync(string line)
    {
        var (command, argument) = Split(line);
        switch (command)
        {
            case "/join" when argument.Length > 0:
                await EnterAsync(argument.TrimStart('#'));
                break;
            case "/leave":
                await LeaveAsync(argument.Length > 0 ? argument.TrimStart('#') : _current);
                break;
            case "/rooms":
                Console.WriteLine($"* rooms: {string.Join(", ", _rooms.Select(room => "#" + room))}; saying to #{_current}");
                break;
            case "/who":
                var room = argument.Length > 0 ? argument.TrimStart('#') : _current;
                Console.WriteLine($"* in #{room}: {string.Join(", ", view.MembersOf(room))}");
                break;
            case "/w":
                await WhisperAsync(line);
                break;
            case ['#', .. var named] when argument.Length > 0:
                await SayAsync(named, argument);
                break;
            default:
                await SayAsync(_current, line);
                break;
        }
    }

    private async Task LeaveAsync(string room)
    {
        if (room == "lobby" || !_rooms.Remove(room))
        {
            Console.WriteLine($"* you stay in #{room}");
            return;
        }

        await Server.Leave(room);
        if (_current == room)
        {
            _current = "lobby";
        }

        Console.WriteLine($"* left #{room}");
    }

    private async Task SayAsync(string room, string text)
    {
        if (await Server.Say(room, text) == 0)
        {
            Console.WriteLine($"* you are not in #{room}: /join {room}");
        }
    }

    private async Task WhisperAsync(string line)
    {
        if (Whisper.Parse(line) is { } whisper && !await Server.Whisper(whisper.To, whisper.Text))
        {
            Console.WriteLine($"* {whisper.To} is not here");
        }
    }

    private static (string Command, string Argument) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
    }
}
