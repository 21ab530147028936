using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// One sender, many listeners: the sender shouts a number of messages, the server sends each to
/// every connection. Deliveries per second, counted until the last connection has them all.
/// </summary>
public static class Broadcast
{
    public static async Task<Measurement> RunAsync(ServerProcess server, ServerKind kind, int connectionCount, int messages, TimeSpan patience)
    {
        var connections = await Connections.OpenAsync(kind, Channel.WebSocket, server.Url, connectionCount);
        try
        {
            var cpuBefore = server.CpuTime;
            var clientCpuBefore = Measurement.LoadProcessCpu;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < messages; i++)
            {
                await connections[0].ShoutAsync(RoundTrips.Payload);
            }

            while (connections.Any(c => c.Heard < messages) && clock.Elapsed < patience)
            {
                await Task.Delay(1);
            }

            var elapsed = clock.Elapsed;
            var cpu = server.CpuTime - cpuBefore;
            var clientCpu = Measurement.LoadProcessCpu - clientCpuBefore;
            long delivered = connections.Sum(c => Math.Min(c.Heard, messages));
            return new Measurement("broadcast", kind.ToString(), delivered, (long)connectionCount * messages, elapsed, cpu, clientCpu);
        }
        finally
        {
            await Connections.CloseAsync(connections);
        }
    }
}
