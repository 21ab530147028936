// The chat from a console: signs in under a name, prints what is said and announced, and says
// every line typed; "/w bob some text" whispers to bob alone. The same contracts as the page, so
// the two talk to each other.
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
socket.Handle<IChatClient>(new ConsoleChatView());
socket.MessageReceived += message => Console.WriteLine("(plain) " + message.Text);
socket.Opened += () => Console.WriteLine($"* connected over {socket.Transport} as {socket.SessionId}");
socket.Reconnected += () => Console.WriteLine($"* reconnected over {socket.Transport}");

await socket.ConnectAsync();
var members = await socket.Events<IChatServer>().Join();
Console.WriteLine($"* {members} here");
while (Console.ReadLine() is { } line)
{
    if (Whisper.Parse(line) is { } whisper)
    {
        if (!await socket.Events<IChatServer>().Whisper(whisper.To, whisper.Text))
        {
            Console.WriteLine($"* {whisper.To} is not here");
        }
    }
    else
    {
        await socket.Events<IChatServer>().Say(line);
    }
}

// Standard input ended: leave, so that the others hear of it at once.
await socket.DisconnectAsync();
return 0;

string? Argument(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
