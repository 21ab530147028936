// The load benchmark: our server, an ASP.NET Core SignalR hub doing the same work, and a bare
// Kestrel WebSocket echo, each in its own process, driven in turn from this one over loopback;
// servers compared under the same client code (see Servers/Contestant.cs).
//   dotnet run -c Release --project Tests/Typed.LoadBenchmark            # the full run (a few minutes)
//   dotnet run -c Release --project Tests/Typed.LoadBenchmark -- --quick # a smoke run
//   ... -- --servers Typed,Bare --scenarios echo,broadcast                 # only some of it (contestants: Typed, TypedPlain, SignalR, Bare, BareTypedEnd)
//   ... -- --scenarios scaling                                             # the scaling table: echo at 10 to 5,000 connections, broadcast to 100 to 5,000
//   ... -- --servers Typed,SignalR --scenarios rooms                       # 10,000 sessions in rooms of 100 against SignalR's groups
//   ... -- --plain-client                                                  # our server driven with the 2010 framing, no acknowledged delivery (with any of the above)
//   ... -- --baseline DIR                                                  # also another build's Typed (DIR: its bin/Release/net10.0 of this program), before/after in one run
//   ... -- --scale-out [--quick]                                           # broadcast on one node and on three joined by Redis
//   ... -- --stress [--quick]                                              # 10,000 websocket + 2,000 xhr-polling sessions held 60 s with heartbeats, then as many SignalR connections (quick: 500 + 100 for 10 s)
//   ... -- --stress --servers Typed,Baseline,SignalR --baseline DIR         # the same, and another build's Typed beside them
// With `server KIND` this program is one of the servers instead, with `crowd KIND URL SIZE` the rooms scenario's clients of one.
using Typed.LoadBenchmark;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Scenarios;
using Typed.LoadBenchmark.Servers;

if (args is ["server", var kind, .. var rest])
{
    var (liveness, redis) = Liveness.Split(rest);
    await LoadServers.RunAsync(Enum.Parse<ServerKind>(kind), redis.FirstOrDefault(), redis.Skip(1).FirstOrDefault(), liveness);
    return 0;
}

TypedConnection.AcknowledgedDelivery = !args.Contains(CrowdProcess.PlainClient);
if (args is ["crowd", var crowdOf, var url, var roomSize, ..])
{
    await new Crowd(Enum.Parse<ServerKind>(crowdOf), new Uri(url), int.Parse(roomSize, System.Globalization.CultureInfo.InvariantCulture)).RunAsync();
    return 0;
}

ServerProcess.BaselineAssembly = Option("--baseline") is { } baseline ? Path.GetFullPath(Path.Combine(baseline, "Typed.LoadBenchmark.dll")) : null;
if (args.Contains("--stress"))
{
    // One server at a time, ours first: never two under load at once.
    OpenFileLimit.Raise(65_536);
    ServerKind[] held = Option("--servers")?.Split(',').Select(Enum.Parse<ServerKind>).ToArray()
        ?? [ServerKind.Typed, .. ServerProcess.BaselineAssembly is null ? Array.Empty<ServerKind>() : [ServerKind.Baseline], ServerKind.SignalR];
    var stress = await Stress.RunAsync(args.Contains("--quick") ? StressSettings.Quick : StressSettings.Full, held, Console.WriteLine);
    foreach (var server in stress)
    {
        Console.WriteLine();
        foreach (var line in server.Lines)
        {
            Console.WriteLine(line);
        }
    }

    Console.WriteLine();
    Console.WriteLine(StressComparison.Table(stress));
    return stress.All(s => s.EverySessionHeld) ? 0 : 1;
}

var settings = args.Contains("--quick") ? LoadSettings.Quick : LoadSettings.Full;
OpenFileLimit.Raise(65_536);
Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(settings == LoadSettings.Quick ? "quick" : "full")} run");
if (args.Contains("--scale-out"))
{
    var nodes = await ScaleOut.RunAsync(settings, Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine(ScaleOut.Table(nodes));
    Console.WriteLine(nodes.All(r => r.Complete) ? "every scenario completed" : "some scenarios did not complete");
    return nodes.All(r => r.Complete) ? 0 : 1;
}

var contestants = Option("--servers")?.Split(',').Select(Enum.Parse<Contestant>).ToArray()
    ?? [.. Enum.GetValues<Contestant>().Where(contestant => contestant.Server() != ServerKind.Baseline || ServerProcess.BaselineAssembly is not null)];
var scenarios = Option("--scenarios")?.Split(',');
var results = await LoadRun.RunAsync(settings, contestants, scenario => scenarios is null || scenarios.Contains(scenario), Console.WriteLine);
Console.WriteLine();
Console.WriteLine(Report.Table(results));
Console.WriteLine(Report.TurnSpread(results));
Console.WriteLine(Scaling.Table(results, settings));
if (Report.RoomGrowth(results) is { Length: > 0 } growth)
{
    Console.WriteLine(growth);
}
if (results.Any(r => r.Server.StartsWith(nameof(Contestant.Baseline), StringComparison.Ordinal)))
{
    Console.WriteLine(Report.BeforeAndAfter(results));
}

foreach (var incomplete in results.Where(r => !r.Complete))
{
    Console.WriteLine($"incomplete: {incomplete.Scenario} on {incomplete.Server}: {incomplete.Operations} of {incomplete.Expected}");
}

Console.WriteLine(results.All(r => r.Complete) ? "every scenario completed" : "some scenarios did not complete");
return results.All(r => r.Complete) ? 0 : 1;

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
