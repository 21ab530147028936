using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Every scenario against each server, each server in a process of its own. The processes start
/// together; memory is measured on each while it is fresh, then every other scenario runs the
/// servers in turns (see <see cref="RoundTrips"/>).
/// </summary>
public static class LoadRun
{
    public static async Task<List<Measurement>> RunAsync(LoadSettings settings, IReadOnlyCollection<ServerKind> kinds, Func<string, bool> includes, Action<string> progress)
    {
        var results = new List<Measurement>();
        var servers = new List<RunningServer>();
        try
        {
            foreach (var kind in kinds)
            {
                servers.Add(new RunningServer(kind, await ServerProcess.StartAsync(kind)));
                progress($"{kind}: {servers[^1].Process.Url}");
            }

            var hubs = servers.Where(s => s.Kind != ServerKind.Bare).ToList();
            async Task Add(string scenario, Func<Task<List<Measurement>>> measuring)
            {
                if (!includes(scenario))
                {
                    return;
                }

                foreach (var measurement in await measuring())
                {
                    results.Add(measurement);
                    progress(measurement.Progress(measurement.Scenario));
                }
            }

            // Memory first, while each process is fresh.
            foreach (var server in servers)
            {
                await Add("memory", async () => [await IdleMemory.RunAsync(server.Process, server.Kind, settings.IdleConnections, settings.Settle)]);
            }

            await Add("echo", () => RoundTrips.RunAsync("echo", servers, Channel.WebSocket, settings, settings.EchoConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
            await Add("echo on the pool", () => RoundTrips.RunAsync("echo on the pool", servers, Channel.WebSocket, settings, settings.EchoConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: true)));
            await Add("typed echo", () => RoundTrips.RunAsync("typed echo", hubs, Channel.WebSocket, settings, settings.EchoConnections, c => c.TypedEchoAsync(RoundTrips.Payload)));
            await Add("broadcast", () => Broadcast.RunAsync(hubs, settings, TimeSpan.FromSeconds(60)));
            await Add("rooms", () => Rooms.RunAsync(hubs, settings, TimeSpan.FromSeconds(60), progress));
            await Add("long polling", () => RoundTrips.RunAsync("long polling", hubs, Channel.LongPolling, settings, settings.FallbackConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
            await Add("server-events", () => RoundTrips.RunAsync("server-events", hubs, Channel.ServerSentEvents, settings, settings.FallbackConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
            return results;
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.Process.DisposeAsync();
            }
        }
    }
}
