using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Ping-pong: every connection sends, waits for the answer, and goes again, for a fixed time.
/// Round trips per second, p50 and p99 latency, and the server's CPU per round trip.
/// </summary>
public static class RoundTrips
{
    public const string Payload = "0123456789abcdef0123456789abcdef"; // 32 bytes

    public static async Task<Measurement> RunAsync(string scenario, ServerProcess server, ServerKind kind, Channel channel, int connectionCount, TimeSpan duration, TimeSpan warmup, Func<ILoadConnection, Task> roundTrip)
    {
        var connections = await Connections.OpenAsync(kind, channel, server.Url, connectionCount);
        try
        {
            await LoopAsync(connections, warmup, roundTrip);
            var cpuBefore = server.CpuTime;
            var clientCpuBefore = Measurement.LoadProcessCpu;
            var clock = Stopwatch.StartNew();
            var latencies = await LoopAsync(connections, duration, roundTrip);
            var elapsed = clock.Elapsed;
            var cpu = server.CpuTime - cpuBefore;
            var clientCpu = Measurement.LoadProcessCpu - clientCpuBefore;
            var (p50, p99) = Latencies.Percentiles(latencies);
            long count = latencies.Sum(l => l.Count);

            // Every connection must have made round trips for the scenario to count as complete.
            var expected = latencies.All(l => l.Count > 0) ? count : count + 1;
            return new Measurement(scenario, kind.ToString(), count, expected, elapsed, cpu, clientCpu, p50, p99);
        }
        finally
        {
            await Connections.CloseAsync(connections);
        }
    }

    private static async Task<Latencies[]> LoopAsync(ILoadConnection[] connections, TimeSpan duration, Func<ILoadConnection, Task> roundTrip)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return await Task.WhenAll(connections.Select(async connection =>
        {
            var latencies = new Latencies();
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await roundTrip(connection);
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }

            return latencies;
        }));
    }
}
