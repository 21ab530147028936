using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Ping-pong: every connection sends, waits for the answer, and goes again, for a fixed time.
/// Round trips per second, p50 and p99 latency, and the server's CPU per round trip.
/// </summary>
/// <remarks>
/// The servers take turns: the measured time is cut into rounds, and in each round every server
/// runs its share, so that a slow spell of a shared machine falls on all of them rather than on
/// whichever happened to be running.
/// </remarks>
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
                runs.Add(new ServerRun(server, await Connections.OpenAsync(server.Kind, channel, server.Process.Url, connectionCount)));
            }

            var share = settings.Duration / settings.Rounds;
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var turn = 0; turn < runs.Count; turn++)
                {
                    var run = runs[(round + turn) % runs.Count];
                    await LoopAsync(run.Connections, round == 0 ? settings.Warmup : settings.Warmup / 4, roundTrip, latencies: null);
                    var cpuBefore = run.Server.Process.CpuTime;
                    var clientCpuBefore = Measurement.LoadProcessCpu;
                    var clock = Stopwatch.StartNew();
                    await LoopAsync(run.Connections, share, roundTrip, run.Latencies);
                    run.Elapsed += clock.Elapsed;
                    run.ServerCpu += run.Server.Process.CpuTime - cpuBefore;
                    run.ClientCpu += Measurement.LoadProcessCpu - clientCpuBefore;
                }
            }

            return [.. runs.Select(run => run.Result(scenario))];
        }
        finally
        {
            foreach (var run in runs)
            {
                await Connections.CloseAsync(run.Connections);
            }
        }
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

    /// <summary>One server's connections and what its turns added up to.</summary>
    private sealed class ServerRun(RunningServer server, ILoadConnection[] connections)
    {
        public RunningServer Server { get; } = server;

        public ILoadConnection[] Connections { get; } = connections;

        public Latencies[] Latencies { get; } = [.. connections.Select(_ => new Latencies())];

        public TimeSpan Elapsed { get; set; }

        public TimeSpan ServerCpu { get; set; }

        public TimeSpan ClientCpu { get; set; }

        public Measurement Result(string scenario)
        {
            var (p50, p99) = Scenarios.Latencies.Percentiles(Latencies);
            long count = Latencies.Sum(l => l.Count);

            // Every connection must have made round trips for the scenario to count as complete.
            var expected = Latencies.All(l => l.Count > 0) ? count : count + 1;
            return new Measurement(scenario, Server.Kind.ToString(), count, expected, Elapsed, ServerCpu, ClientCpu, p50, p99);
        }
    }
}
