// A console ticker: prints every quote the server broadcasts.
//   dotnet run --project Samples/Ticker.Client -- --url http://127.0.0.1:5057 --transport websocket
// --count N leaves after N quotes. --slow N plays a slow consumer: over xhr-polling, it stops
// polling after N quotes, and the server drops it once its queue passes MaxQueuedBytes.
using System.Globalization;
using Ticker.Client;
using Ticker.Contracts;
using Typed;
using Typed.Client;

var url = new Uri(Argument("--url") ?? "http://127.0.0.1:5057");
var count = long.Parse(Argument("--count") ?? "0", CultureInfo.InvariantCulture);
var slow = long.Parse(Argument("--slow") ?? "0", CultureInfo.InvariantCulture);

using var stalling = new StallingHandler();
var options = new SocketOptions { HttpMessageHandler = stalling };
if (slow > 0)
{
    // Only a long poll can be held back from outside the socket; a WebSocket reads on its own.
    options.Transports = [TransportNames.XhrPolling];
}
else if (Argument("--transport") is { } transport)
{
    options.Transports = [transport];
}

var done = new TaskCompletionSource();
var limit = slow > 0 ? slow : count;
await using var socket = new Socket(url, options);
socket.Opened += () => Console.WriteLine($"* connected over {socket.Transport} as {socket.SessionId}");
socket.Reconnected += () => Console.WriteLine($"* reconnected over {socket.Transport}");
socket.SessionExpired += () => Console.WriteLine("* the session expired; opening a new one");
socket.Handle<ITickerClient>(new QuotePrinter(limit, () =>
{
    if (slow > 0)
    {
        stalling.Stall();
        Console.WriteLine($"* stopped reading after {slow} quotes; the server should drop this client");
    }
    else
    {
        done.TrySetResult();
    }
}));

await socket.ConnectAsync();
await done.Task;
Console.WriteLine($"* received {count} quotes; leaving");
await socket.DisconnectAsync();

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
