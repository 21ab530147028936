using System.Diagnostics;
using System.Globalization;
using System.Text;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;
using Typed.Testing;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Broadcast with the backplane: the broadcast scenario's connections and messages on one node
/// alone, on one node joined to a real redis-server, and spread over three nodes joined by it (one
/// sender, on the first). Deliveries per second until the last connection has them all, and the
/// CPU of every node together per delivery.
/// </summary>
public static class ScaleOut
{
    private static readonly (string Name, int Nodes, bool Redis)[] Layouts = [("1 node", 1, false), ("1 node, Redis", 1, true), ("3 nodes, Redis", 3, true)];

    public static async Task<List<Measurement>> RunAsync(LoadSettings settings, Action<string> progress)
    {
        await using var redis = await RedisServer.StartAsync();
        progress($"redis-server: {redis.Configuration}");
        var results = new List<Measurement>();
        foreach (var (name, count, withRedis) in Layouts)
        {
            var nodes = new List<ServerProcess>();
            var connections = new List<ILoadConnection>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    nodes.Add(await ServerProcess.StartAsync(ServerKind.Typed, withRedis ? redis.Configuration : null));
                }

                for (var i = 0; i < count; i++)
                {
                    var share = (settings.BroadcastConnections / count) + (i < settings.BroadcastConnections % count ? 1 : 0);
                    connections.AddRange(await Connections.OpenAsync(ServerKind.Typed, Channel.WebSocket, nodes[i].Url, share));
                }

                var all = connections.ToArray();
                var patience = TimeSpan.FromSeconds(60);
                var warmedUp = await Broadcast.WarmUpAsync(all, settings.BroadcastMessages / settings.Rounds, settings.Warmup, patience);
                var cpuBefore = Cpu(nodes);
                var clientCpuBefore = Measurement.LoadProcessCpu;
                var clock = Stopwatch.StartNew();
                await Broadcast.ShoutAndWaitAsync(all, settings.BroadcastMessages, warmedUp + settings.BroadcastMessages, patience);
                var measurement = new Measurement(
                    "scale-out broadcast",
                    name,
                    all.Sum(c => Math.Clamp(c.Heard - warmedUp, 0, settings.BroadcastMessages)),
                    (long)all.Length * settings.BroadcastMessages,
                    clock.Elapsed,
                    Cpu(nodes) - cpuBefore,
                    Measurement.LoadProcessCpu - clientCpuBefore);
                results.Add(measurement);
                progress($"  broadcast on {name}: {measurement.Operations} of {measurement.Expected} in {measurement.Elapsed.TotalSeconds:0.0} s");
            }
            finally
            {
                await Connections.CloseAsync(connections);
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }

        return results;
    }

    /// <summary>The layouts side by side, each against the single node without Redis.</summary>
    public static string Table(IReadOnlyList<Measurement> results)
    {
        var alone = results.FirstOrDefault();
        var text = new StringBuilder();
        text.AppendLine("| layout | deliveries/s | s until the last client has all | server CPU per delivery, all nodes, µs | rate / 1 node |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in results)
        {
            var ratio = alone is null ? double.NaN : row.PerSecond / alone.PerSecond;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Server} | {row.PerSecond:N0} | {row.Elapsed.TotalSeconds:0.000} | {row.CpuMicrosecondsPerOperation:0.00} | {ratio:0.00}× |"));
        }

        return text.ToString();
    }

    private static TimeSpan Cpu(IEnumerable<ServerProcess> nodes) => nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime);
}
