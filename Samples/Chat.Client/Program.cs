// The chat from a console: signs in under a name, enters the lobby, prints what is said and
// announced in the rooms it is in, each line under its room, and says every line typed in the
// current room; "/join games" enters #games (and makes it current), "/leave games" leaves it,
// "/rooms" and "/who" tell where you are and who is there, "#games text" says text in #games, and
// "/w bob some text" whispers to bob alone. The same contracts as the page, so the two talk to
// each other.
//   dotnet run --project Samples/Chat.Client -- --url http://127.0.0.1:5055 --name bob --transport xhr-polling
using System.Net;
using Chat.Client;
using Chat.Contracts;
using Typed.Client;

var url = new Uri(Argument("--url") ?? "http://127.0.0.1:5055");
var name = Argument("--name") ?? Environment.UserName;

// One handler for signing in and for the socket: the cookie it keeps goes with every request
// and WebSocket upgrade of every transport.
using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer() };
if (!await SignIn.AsAsync(handler, url, name))
{
    return 1;
}

var options = new SocketOptions { HttpMessageHandler = handler };
if (Argument("--transport") is { } transport)
{
    options.Transports = [transport];
}

await using var socket = new Socket(url, options);
var view = new ConsoleChatView();
socket.Handle<IChatClient>(view);
socket.MessageReceived += message => Console.WriteLine("(plain) " + message.Text);
socket.Opened += () => Console.WriteLine($"* connected over {socket.Transport} as {socket.SessionId}");
socket.Reconnected += () => Console.WriteLine($"* reconnected over {socket.Transport}");

await socket.ConnectAsync();
var commands = new ChatCommands(socket, view);
await commands.EnterAsync("lobby");
while (Console.ReadLine() is { } line)
{
    await commands.HandleAsync(line);
}

// Standard input ended: leave, so that the others hear of it at once.
await socket.DisconnectAsync();
return 0;

string? Argument(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
