// A console client of the calculator: asks a few things, prints each answer, and leaves.
//   dotnet run --project Samples/Calculator.Client -- --url http://127.0.0.1:5058 --transport xhr-polling
using System.Globalization;
using Calculator.Contracts;
using Typed.Client;
using Typed.Events;

var url = new Uri(Argument("--url") ?? "http://127.0.0.1:5058");
var options = new SocketOptions();
if (Argument("--transport") is { } transport)
{
    options.Transports = [transport];
}

await using var socket = new Socket(url, options);
await socket.ConnectAsync();
Console.WriteLine($"* connected over {socket.Transport} as {socket.SessionId}");

// One sender for the contract: each call is one event, each await its answer.
var calculator = socket.Events<ICalculator>();
Console.WriteLine($"Add(2, 3) = {Number(await calculator.Add(2, 3))}");
Console.WriteLine($"Add(0.1, 0.2) = {Number(await calculator.Add(0.1, 0.2))}");
Console.WriteLine($"Divide(1, 3) = {Number(await calculator.Divide(1, 3))}");
try
{
    await calculator.Divide(1, 0);
}
catch (RemoteEventException e)
{
    // The server's exception message, never its stack.
    Console.WriteLine($"Divide(1, 0) failed: {e.RemoteMessage}");
}

var summary = await calculator.Summarize([4, 8, 15, 16, 23, 42]);
Console.WriteLine($"Summarize([4, 8, 15, 16, 23, 42]) = count {summary.Count}, sum {Number(summary.Sum)}, mean {Number(summary.Mean)}, min {Number(summary.Min)}, max {Number(summary.Max)}");
Console.WriteLine($"Echo(\"snowman ☃\") = \"{await calculator.Echo("snowman ☃")}\"");

await socket.DisconnectAsync();

static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
