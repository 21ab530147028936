using System.Diagnostics;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Many sessions held open on our server while heartbeats flow: WebSocket and xhr-polling sessions
/// of our client, opened a few at a time, held for a while with every heartbeat and answer counted,
/// then each asked for an echo and the server asked how many it holds. Server memory and CPU, and
/// the load process's, are taken as it goes.
/// </summary>
public static class Stress
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<StressFigures> RunAsync(StressSettings settings, Action<string> progress)
    {
        await using var server = await ServerProcess.StartAsync(ServerKind.Typed, liveness: settings.Liveness);
        progress($"Typed: {server.Url}");

        // One connection pool for every session, as one process of clients would have.
        using var shared = new SocketsHttpHandler();
        var sessions = new List<HeldSession>(settings.Sessions);
        try
        {
            await Task.Delay(Settle);
            var memoryBefore = server.ResidentBytes;
            var connecting = Stopwatch.StartNew();
            sessions.AddRange(await OpenAsync(server.Url, TransportNames.WebSocket, settings.WebSockets, shared));
            var webSocketsOpened = connecting.Elapsed;
            sessions.AddRange(await OpenAsync(server.Url, TransportNames.XhrPolling, settings.Polling, shared));
            var connectTime = connecting.Elapsed;
            progress($"  opened {sessions.Count(s => s.Failure is null)} of {settings.Sessions} in {connectTime.TotalSeconds:0.0} s");

            var memoryConnected = server.ResidentBytes;
            var serverCpuBefore = server.CpuTime;
            var loadCpuBefore = Measurement.LoadProcessCpu;
            var holding = Stopwatch.StartNew();
            for (var mark = ProgressEvery; ; mark += ProgressEvery)
            {
                // To each mark on the hold's clock, so that a delay ending early adds no extra turn.
                var until = mark < settings.Hold ? mark : settings.Hold;
                if (until > holding.Elapsed)
                {
                    await Task.Delay(until - holding.Elapsed);
                }

                progress($"  held {until.TotalSeconds:0} s: {sessions.Count(s => s.Connected)} connected, {sessions.Count(s => s.Drops > 0)} dropped, {sessions.Sum(s => (long)s.Heartbeats)} heartbeats");
                if (until == settings.Hold)
                {
                    break;
                }
            }

            var held = holding.Elapsed;
            var serverCpu = server.CpuTime - serverCpuBefore;
            var loadCpu = Measurement.LoadProcessCpu - loadCpuBefore;
            var memoryEnd = server.ResidentBytes;

            // Counted before anything is sent, so that the echoes' traffic adds nothing to them.
            var tallies = new[] { TransportNames.WebSocket, TransportNames.XhrPolling }
                .Select(transport => TransportTally.Of(transport, sessions.Where(s => s.Transport == transport)))
                .ToArray();
            var serverCounts = await ClientCounts.AskAsync(server.Url);
            var echoed = await EchoAllAsync(sessions);

            // Taken after the echoes, so that a drop noticed late (by a reconnecting socket, say) counts.
            var stillConnected = sessions.Count(s => s.Connected && s.Drops == 0);
            return new StressFigures(settings, sessions.Count(s => s.Failure is null), connectTime, webSocketsOpened)
            {
                MemoryBefore = memoryBefore,
                MemoryConnected = memoryConnected,
                MemoryAtEnd = memoryEnd,
                Held = held,
                ServerCpu = serverCpu,
                LoadCpu = loadCpu,
                LoadMemory = Environment.WorkingSet,
                Transports = tallies,
                StillConnected = stillConnected,
                Echoed = echoed.Count(e => e),
                Server = serverCounts,
                Dropped = sessions.Where((s, i) => !s.Connected || s.Drops > 0 || !echoed[i]).Count(),
            };
        }
        finally
        {
            await Connections.CloseAsync(sessions);
        }
    }

    private static Task<HeldSession[]> OpenAsync(Uri server, string transport, int count, HttpMessageHandler shared) =>
        Connections.OpenAsync(count, () => new HeldSession(server, transport, shared), session => session.ConnectAsync());

    /// <summary>
    /// Whether each session's message came back, asked of a few hundred sessions at a time: of every
    /// session that opened, so that one reconnecting just then is asked too (its socket sends once it is back).
    /// </summary>
    private static async Task<bool[]> EchoAllAsync(List<HeldSession> sessions)
    {
        var echoed = new bool[sessions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sessions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (i, _) => echoed[i] = sessions[i].Failure is null && await sessions[i].EchoesAsync(RoundTrips.Payload, StressSettings.EchoPatience));
        return echoed;
    }
}
