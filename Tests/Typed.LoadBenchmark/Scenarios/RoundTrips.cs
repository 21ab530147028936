using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Ping-pong: every connection sends, waits for the answer, and goes again, for a fixed time.
/// Round trips per second, p50 and p99 latency, and the server's CPU per round trip.
/// </summary>
/// <remarks>The servers take turns (<see cref="Turns"/>), each running its share of the time per round.</remarks>
public static class RoundTrips
{
    public const string Payload = "0123456789abcdef0123456789abcdef"; // 32 bytes

    public static async Task<List<Measurement>> RunAsync(string scenario, IReadOnlyList<RunningServer> servers, Channel channel, LoadSettings settings, int connectionCount, Func<ILoadConnection, Task> roundTrip)
    {
        var runs = new List<ServerRun>();
        try
        {
            foreach (var server in servers)
            {
                runs.Add(new ServerRun(server, await Connections.OpenAsync(server.Contestant, channel, server.Process.Url, connectionCount)));
            }

            var share = settings.Duration / settings.Rounds;
            var totals = await Turns.TakeAsync(
                servers,
                settings.Rounds,
                warmUp: s => WarmUpAsync(runs[s].Connections, light: settings.Warmup, full: settings.Warmup * 2, roundTrip),
                prepare: s => LoopAsync(runs[s].Connections, settings.Warmup / 4, roundTrip, latencies: null),
                (s, _) => LoopAsync(runs[s].Connections, share, roundTrip, runs[s].Latencies),
                s => runs[s].Latencies.Sum(l => (long)l.Count));
            return [.. runs.Select((run, s) => run.Result(scenario, totals[s]))];
        }
        finally
        {
            foreach (var run in runs)
            {
                await Connections.CloseAsync(run.Connections);
            }
        }
    }

    /// <summary>
    /// A light load first, then the full one. Under full load on two cores the runtime's background
    /// compiler (tiered JIT) is starved of CPU and the optimised code arrives only after many
    /// seconds; with a few connections running it has a core to itself and the turns that follow
    /// measure the steady state.
    /// </summary>
    private static async Task WarmUpAsync(ILoadConnection[] connections, TimeSpan light, TimeSpan full, Func<ILoadConnection, Task> roundTrip)
    {
        await LoopAsync(connections[..Math.Max(1, connections.Length / 20)], light, roundTrip, latencies: null);
        await LoopAsync(connections, full, roundTrip, latencies: null);
    }

    private static async Task LoopAsync(ILoadConnection[] connections, TimeSpan duration, Func<ILoadConnection, Task> roundTrip, Latencies[]? latencies)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(connections.Select(async (connection, i) =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await roundTrip(connection);
                latencies?[i].Add(Stopwatch.GetTimestamp() - start);
            }
        }));
    }

    /// <summary>One server's connections and their round-trip times.</summary>
    private sealed class ServerRun(RunningServer server, ILoadConnection[] connections)
    {
        public RunningServer Server { get; } = server;

        public ILoadConnection[] Connections { get; } = connections;

        public Latencies[] Latencies { get; } = [.. connections.Select(_ => new Latencies())];

        public Measurement Result(string scenario, TurnTotals totals)
        {
            var (p50, p99) = Scenarios.Latencies.Percentiles(Latencies);
            long count = Latencies.Sum(l => l.Count);

            // Every connection must have made round trips for the scenario to count as complete.
            var expected = Latencies.All(l => l.Count > 0) ? count : count + 1;
            return new Measurement(scenario, Server.Name, count, expected, totals.Elapsed, totals.ServerCpu, totals.ClientCpu, p50, p99) { Turns = totals.Turns };
        }
    }
}
