using static System.FormattableString;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Rooms: sessions in rooms of the same size, joined on the server (ours <c>client.Join</c>,
/// SignalR's <c>Groups.AddToGroupAsync</c>), and one sender in none sending messages back to back
/// (ours <c>listener.To(room).Send</c>, SignalR's <c>Clients.Group(room).SendAsync</c>). Three
/// measurements: messages to one room with its members alone on the node, to the same room once
/// every room is joined (the rest of the node's sessions idle), and to every room in turn. The
/// first two send the same to the same members, so that the node's other sessions are all that
/// differs between them. Deliveries per second until every member has all its room was sent, and
/// CPU per delivery; the servers take turns (<see cref="Turns"/>). Each server's clients are a
/// <see cref="Crowd"/> in a process of their own, whose CPU is the clients' CPU.
/// </summary>
public static class Rooms
{
    /// <summary>What every measurement's name starts with.</summary>
    public const string Prefix = "rooms: ";

    /// <summary>What the names of the two measurements of one room among the node's sessions have.</summary>
    public const string Among = " among ";

    public static async Task<List<Measurement>> RunAsync(IReadOnlyList<RunningServer> servers, LoadSettings settings, TimeSpan patience, Action<string> progress)
    {
        var crowds = new List<CrowdProcess>();
        try
        {
            foreach (var server in servers)
            {
                crowds.Add(CrowdProcess.Start(server.Kind, server.Process.Url, settings.RoomSize));
            }

            var size = settings.RoomSize;
            var results = new List<Measurement>();
            foreach (var (joined, sentTo, name) in new[]
            {
                (1, 1, Invariant($"one of {size:N0}{Among}{size:N0}")),
                (settings.Rooms, 1, Invariant($"one of {size:N0}{Among}{size * settings.Rooms:N0}")),
                (settings.Rooms, settings.Rooms, Invariant($"{settings.Rooms:N0} of {size:N0} in turn")),
            })
            {
                var scenario = Prefix + name;
                for (var s = 0; s < servers.Count; s++)
                {
                    progress($"  {scenario}: {servers[s].Name}'s clients ready, {await crowds[s].GrowAsync(joined)}");
                }

                results.AddRange(await MeasureAsync(scenario, servers, crowds, settings, sentTo, patience));
            }

            return results;
        }
        finally
        {
            foreach (var crowd in crowds)
            {
                await crowd.DisposeAsync();
            }
        }
    }

    private static async Task<List<Measurement>> MeasureAsync(string scenario, IReadOnlyList<RunningServer> servers, List<CrowdProcess> crowds, LoadSettings settings, int rooms, TimeSpan patience)
    {
        // Warmed up at each size, as the broadcast is: the members just joined have yet to run.
        var perRound = settings.RoomMessages / settings.Rounds;
        var totals = await Turns.TakeAsync(
            servers.Count,
            s => servers[s].Process.CpuTime,
            settings.Rounds,
            warmUp: s => Broadcast.WarmUpAsync(perRound, settings.Warmup, size => crowds[s].SendAsync(size, rooms, patience)),
            prepare: null,
            (s, _) => crowds[s].SendAsync(perRound, rooms, patience),
            s => crowds[s].Heard,
            clientCpu: s => crowds[s].CpuTime);

        var expected = (long)settings.RoomSize * perRound * settings.Rounds;
        return [.. servers.Select((server, s) => new Measurement(
            scenario,
            server.Name,
            Math.Min(totals[s].Turns.Sum(t => t.Operations), expected - crowds[s].Missing),
            expected,
            totals[s].Elapsed,
            totals[s].ServerCpu,
            totals[s].ClientCpu) { Turns = totals[s].Turns })];
    }
}
