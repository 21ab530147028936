// A console client: sends every line typed, prints every message that arrives. With --typed,
// each line goes as the typed Echo event instead, and its answer is printed.
//   dotnet run --project Samples/Echo.Client -- --url http://127.0.0.1:5056 --transport xhr-polling
using Echo.Contracts;
using Typed.Client;

var url = new Uri(Argument("--url") ?? "http://127.0.0.1:5056");
var options = new SocketOptions();
if (Argument("--transport") is { } transport)
{
    options.Transports = [transport];
}

if (Argument("--flash-policy-port") is { } policyPort)
{
    options.FlashPolicyPort = int.Parse(policyPort, System.Globalization.CultureInfo.InvariantCulture);
}

await using var socket = new Socket(url, options);
socket.Opened += () => Console.WriteLine($"* connected over {socket.Transport} as {socket.SessionId}");
socket.Reconnected += () => Console.WriteLine($"* reconnected over {socket.Transport}");
socket.SessionExpired += () => Console.WriteLine("* the session expired; opening a new one");
socket.Closed += () => Console.WriteLine("* connection closed");
socket.MessageReceived += message => Console.WriteLine("< " + message);

await socket.ConnectAsync();
var typed = args.Contains("--typed");
while (Console.ReadLine() is { } line)
{
    if (typed)
    {
        Console.WriteLine("= " + await socket.Events<IEchoServer>().Echo(line));
    }
    else
    {
        await socket.SendAsync(line);
    }
}

// Standard input ended: let what was typed reach the server before leaving.
await socket.FlushAsync();
await socket.DisconnectAsync();

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
