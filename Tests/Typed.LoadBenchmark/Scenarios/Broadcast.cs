using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// One sender, many listeners: the sender shouts a number of messages, the server sends each to
/// every connection. Deliveries per second, counted until the last connection has them all. The
/// servers take turns (<see cref="Turns"/>), a share of the messages each round.
/// </summary>
public static class Broadcast
{
    public static async Task<List<Measurement>> RunAsync(string scenario, IReadOnlyList<RunningServer> servers, LoadSettings settings, int receivers, TimeSpan patience)
    {
        var connections = new List<ILoadConnection[]>();
        try
        {
            foreach (var server in servers)
            {
                connections.Add(await Connections.OpenAsync(server.Contestant, Channel.WebSocket, server.Process.Url, receivers));
            }

            // Before the first round each server broadcasts unmeasured for the warm-up time, so
            // that its broadcast path runs optimised code, not the first tier of the JIT's.
            var perRound = settings.BroadcastMessagesPerRound(receivers);
            var warmedUp = new int[servers.Count];
            var totals = await Turns.TakeAsync(
                servers,
                settings.Rounds,
                warmUp: async s => warmedUp[s] = await WarmUpAsync(connections[s], perRound, settings.Warmup, patience),
                prepare: null,
                (s, round) => ShoutAndWaitAsync(connections[s], perRound, warmedUp[s] + ((round + 1) * perRound), patience),
                s => connections[s].Sum(c => (long)c.Heard));

            var expected = (long)receivers * perRound * settings.Rounds;
            return [.. servers.Select((server, s) => new Measurement(
                scenario,
                server.Name,
                connections[s].Sum(c => Math.Clamp(c.Heard - warmedUp[s], 0, perRound * settings.Rounds)),
                expected,
                totals[s].Elapsed,
                totals[s].ServerCpu,
                totals[s].ClientCpu) { Turns = totals[s].Turns })];
        }
        finally
        {
            foreach (var set in connections)
            {
                await Connections.CloseAsync(set);
            }
        }
    }

    /// <summary>The broadcast's warm-up (see <see cref="WarmUpAsync(int, TimeSpan, Func{int, Task})"/>) from the first connection; how many were shouted.</summary>
    internal static async Task<int> WarmUpAsync(ILoadConnection[] connections, int batch, TimeSpan duration, TimeSpan patience)
    {
        var shouted = 0;
        await WarmUpAsync(batch, duration, size => ShoutAndWaitAsync(connections, size, shouted += size, patience));
        return shouted;
    }

    /// <summary>
    /// Sends small batches for <paramref name="duration"/>, then batches of <paramref name="batch"/>
    /// messages for as long again, each waited for by <paramref name="sendAndWait"/>. The light half
    /// leaves the runtime's background compiler a core (under full load on two cores it is starved,
    /// and the broadcast path was found still running first-tier code a quarter of a minute in),
    /// the full half brings up everything a burst needs.
    /// </summary>
    internal static async Task WarmUpAsync(int batch, TimeSpan duration, Func<int, Task> sendAndWait)
    {
        foreach (var size in new[] { Math.Max(1, batch / 20), batch })
        {
            var clock = Stopwatch.StartNew();
            do
            {
                await sendAndWait(size);
            }
            while (clock.Elapsed < duration);
        }
    }

    /// <summary>Shouts from the first connection, then waits until every connection has heard <paramref name="heardAfter"/> in all.</summary>
    internal static async Task ShoutAndWaitAsync(ILoadConnection[] connections, int messages, int heardAfter, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            await connections[0].ShoutAsync(RoundTrips.Payload);
        }

        while (connections.Any(c => c.Heard < heardAfter) && clock.Elapsed < patience)
        {
            await Task.Delay(1);
        }
    }
}
