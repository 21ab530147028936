using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>Every scenario against each server in turn, each server in a fresh process of its own.</summary>
public static class LoadRun
{
    public static async Task<List<Measurement>> RunAsync(LoadSettings settings, IReadOnlyCollection<ServerKind> servers, Action<string> progress)
    {
        var results = new List<Measurement>();
        foreach (var kind in servers)
        {
            await using var server = await ServerProcess.StartAsync(kind);
            progress($"{kind}: {server.Url}");
            async Task Add(Task<Measurement> measuring)
            {
                var measurement = await measuring;
                results.Add(measurement);
                progress($"  {measurement.Scenario}: {measurement.Operations} of {measurement.Expected} in {measurement.Elapsed.TotalSeconds:0.0} s");
            }

            // Memory first, while the process is fresh.
            await Add(IdleMemory.RunAsync(server, kind, settings.IdleConnections, settings.Settle));
            await Add(RoundTrips.RunAsync("echo", server, kind, Channel.WebSocket, settings.EchoConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
            if (kind == ServerKind.Bare)
            {
                continue;
            }

            await Add(RoundTrips.RunAsync("typed echo", server, kind, Channel.WebSocket, settings.EchoConnections, settings.Duration, settings.Warmup, c => c.TypedEchoAsync(RoundTrips.Payload)));
            await Add(Broadcast.RunAsync(server, kind, settings.BroadcastConnections, settings.BroadcastMessages, TimeSpan.FromSeconds(60)));
            await Add(RoundTrips.RunAsync("long polling", server, kind, Channel.LongPolling, settings.FallbackConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
            await Add(RoundTrips.RunAsync("server-events", server, kind, Channel.ServerSentEvents, settings.FallbackConnections, settings.Duration, settings.Warmup, c => c.EchoAsync(RoundTrips.Payload)));
        }

        return results;
    }
}
