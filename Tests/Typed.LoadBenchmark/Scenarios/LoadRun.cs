using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>Every scenario against each server in turn, each server in a fresh process of its own.</summary>
public static class LoadRun
{
    public static async Task<List<Measurement>> RunAsync(LoadSettings settings, IReadOnlyCollection<ServerKind> servers, Func<string, bool> includes, Action<string> progress)
    {
        var results = new List<Measurement>();
        foreach (var kind in servers)
        {
            await using var server = await ServerProcess.StartAsync(kind);
            progress($"{kind}: {server.Url}");
            async Task Add(string scenario, Func<Task<Measurement>> measuring)
            {
                if (!includes(scenario))
                {
                    return;
                }

                var measurement = await measuring();
                results.Add(measurement);
                progress($"  {measurement.Scenario}: {measurement.Operations} of {measurement.Expected} in {measurement.Elapsed.TotalSeconds:0.0} s");
            }

            // Memory first, while the process is fresh.
            await Add("memory", () => IdleMemory.RunAsync(server, kind, settings.IdleConnections, settings.Settle));
            await Add("echo", () => RoundTrips.RunAsync("echo", server, kind, Channel.WebSocket, settings.EchoConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
            if (kind == ServerKind.Bare)
            {
                continue;
            }

            await Add("typed echo", () => RoundTrips.RunAsync("typed echo", server, kind, Channel.WebSocket, settings.EchoConnections, settings.Duration, settings.Warmup, c => c.TypedEchoAsync(RoundTrips.Payload)));
            await Add("broadcast", () => Broadcast.RunAsync(server, kind, settings.BroadcastConnections, settings.BroadcastMessages, TimeSpan.FromSeconds(60)));
            await Add("long polling", () => RoundTrips.RunAsync("long polling", server, kind, Channel.LongPolling, settings.FallbackConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
            await Add("server-events", () => RoundTrips.RunAsync("server-events", server, kind, Channel.ServerSentEvents, settings.FallbackConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
        }

        return results;
    }
}
