using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Every scenario against each contestant, each contestant's server in a process of its own. The
/// processes start together; memory is measured on each while it is fresh, then every other
/// scenario runs the contestants in turns (see <see cref="RoundTrips"/>).
/// </summary>
public static class LoadRun
{
    /// <summary>The scenario name that selects every size of the scaling table (<see cref="Scaling"/>).</summary>
    public const string ScalingScenarios = "scaling";

    /// <summary>
    /// The most connections open at once, all contestants' together: past it, on the machines
    /// measured here, opening more fails with "too many open files in system" (each connection is
    /// a file in this process and one in the server's).
    /// </summary>
    private const int MaxOpenConnections = 10_000;

    /// <summary>
    /// Runs a scenario of <paramref name="size"/> connections per contestant on as many
    /// contestants at a time as <see cref="MaxOpenConnections"/> allows, in the given order: the
    /// ratios between groups then compare turns of different moments, not of the same rounds.
    /// </summary>
    private static async Task<List<Measurement>> InGroups(IReadOnlyList<RunningServer> servers, int size, Func<IReadOnlyList<RunningServer>, Task<List<Measurement>>> run)
    {
        var results = new List<Measurement>();
        foreach (var group in servers.Chunk(Math.Max(1, MaxOpenConnections / size)))
        {
            results.AddRange(await run(group));
        }

        return results;
    }

    public static async Task<List<Measurement>> RunAsync(LoadSettings settings, IReadOnlyCollection<Contestant> contestants, Func<string, bool> includes, Action<string> progress)
    {
        var results = new List<Measurement>();
        var servers = new List<RunningServer>();
        try
        {
            foreach (var contestant in contestants)
            {
                servers.Add(new RunningServer(contestant, await ServerProcess.StartAsync(contestant.Server())));
                progress($"{contestant}: {servers[^1].Process.Url}");
            }

            var full = servers.Where(s => s.Contestant.IsFullClient()).ToList();
            var broadcasting = servers.Where(s => s.Contestant.Broadcasts()).ToList();
            async Task Add(string scenario, Func<Task<List<Measurement>>> measuring, bool scaling = false)
            {
                if (!includes(scenario) && !(scaling && includes(ScalingScenarios)))
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
                await Add("memory", async () => [await IdleMemory.RunAsync(server.Process, server.Contestant, settings.IdleConnections, settings.Settle)]);
            }

            await Add("echo", () => RoundTrips.RunAsync("echo", servers, Channel.WebSocket, settings, settings.EchoConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
            await Add("echo on the pool", () => RoundTrips.RunAsync("echo on the pool", servers, Channel.WebSocket, settings, settings.EchoConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: true)));
            await Add("typed echo", () => RoundTrips.RunAsync("typed echo", full, Channel.WebSocket, settings, settings.EchoConnections, c => c.TypedEchoAsync(RoundTrips.Payload)));
            await Add("broadcast", () => Broadcast.RunAsync("broadcast", broadcasting, settings, settings.BroadcastConnections, TimeSpan.FromSeconds(60)));
            foreach (var size in settings.EchoSizes.Where(size => size != settings.EchoConnections))
            {
                var scenario = Scaling.Echo(size);
                await Add(scenario, () => InGroups(servers, size, group => RoundTrips.RunAsync(scenario, group, Channel.WebSocket, settings, size, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false))), scaling: true);
            }

            foreach (var size in settings.BroadcastSizes.Where(size => size != settings.BroadcastConnections))
            {
                var scenario = Scaling.Broadcast(size);
                await Add(scenario, () => InGroups(broadcasting, size, group => Broadcast.RunAsync(scenario, group, settings, size, TimeSpan.FromSeconds(60))), scaling: true);
            }

            await Add("rooms", () => Rooms.RunAsync(full, settings, TimeSpan.FromSeconds(60), progress));
            await Add("long polling", () => RoundTrips.RunAsync("long polling", full, Channel.LongPolling, settings, settings.FallbackConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
            await Add("server-events", () => RoundTrips.RunAsync("server-events", full, Channel.ServerSentEvents, settings, settings.FallbackConnections, c => c.EchoAsync(RoundTrips.Payload, onThreadPool: false)));
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
