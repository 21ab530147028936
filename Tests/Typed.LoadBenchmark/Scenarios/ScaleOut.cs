using System.Globalization;
using System.Text;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;
using Typed.Testing;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Broadcast with the backplane: the broadcast scenario's connections and messages (in its batches,
/// each waited for) on one node alone, on one node joined to a real redis-server, and spread over three nodes joined by it (one
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
        var nodes = Layouts.Select(_ => new List<ServerProcess>()).ToArray();
        var connections = Layouts.Select(_ => new List<ILoadConnection>()).ToArray();
        try
        {
            for (var l = 0; l < Layouts.Length; l++)
            {
                var (_, count, withRedis) = Layouts[l];
                for (var i = 0; i < count; i++)
                {
                    nodes[l].Add(await ServerProcess.StartAsync(ServerKind.Typed, withRedis ? redis.Configuration : null, cluster: $"layout{l}:")); // a cluster of its own
                }

                for (var i = 0; i < count; i++)
                {
                    var share = (settings.BroadcastConnections / count) + (i < settings.BroadcastConnections % count ? 1 : 0);
                    connections[l].AddRange(await Connections.OpenAsync(Contestant.Typed, Channel.WebSocket, nodes[l][i].Url, share));
                }
            }

            // The layouts take turns, as the servers of the other scenarios do, so that a slow spell
            // of the machine falls on all of them. Fresh processes, unlike the broadcast scenario's
            // (which have run every other scenario first), are warmed up longer.
            var all = connections.Select(set => set.ToArray()).ToArray();
            var patience = TimeSpan.FromSeconds(60);
            var perRound = settings.BroadcastMessages / settings.Rounds;
            var warmedUp = new int[Layouts.Length];
            var totals = await Turns.TakeAsync(
                Layouts.Length,
                l => nodes[l].Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime),
                settings.Rounds,
                warmUp: async l => warmedUp[l] = await Broadcast.WarmUpAsync(all[l], perRound, settings.Warmup * 3, patience),
                prepare: null,
                (l, round) => Broadcast.ShoutAndWaitAsync(all[l], perRound, warmedUp[l] + ((round + 1) * perRound), patience),
                l => all[l].Sum(c => (long)c.Heard));

            var results = new List<Measurement>();
            for (var l = 0; l < Layouts.Length; l++)
            {
                var measurement = new Measurement(
                    "scale-out broadcast",
                    Layouts[l].Name,
                    all[l].Sum(c => Math.Clamp(c.Heard - warmedUp[l], 0, perRound * settings.Rounds)),
                    (long)all[l].Length * perRound * settings.Rounds,
                    totals[l].Elapsed,
                    totals[l].ServerCpu,
                    totals[l].ClientCpu)
                {
                    Turns = totals[l].Turns,
                };
                results.Add(measurement);
                progress(measurement.Progress("broadcast"));
            }

            return results;
        }
        finally
        {
            foreach (var set in connections)
            {
                await Connections.CloseAsync(set);
            }

            foreach (var node in nodes.SelectMany(n => n))
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>The layouts side by side, each against the single node without Redis.</summary>
    public static string Table(IReadOnlyList<Measurement> results)
    {
        var alone = results.Count > 0 ? results[0] : null;
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
