using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Typed.LoadBenchmark.Clients;
using Typed.LoadBenchmark.Servers;

namespace Typed.LoadBenchmark.Scenarios;

/// <summary>
/// Many idle sessions held open on each server in turn, never two under load at once: on ours,
/// WebSocket and xhr-polling sessions of our client, with every heartbeat and answer counted; on
/// SignalR's, as many WebSocket and long-polling connections of its client, with the same rhythm.
/// They are opened a few at a time, held for a while, then each asked for an echo and the server
/// asked how many it holds. Server memory and CPU, and the load process's, are taken as it goes.
/// </summary>
public static class Stress
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<StressFigures>> RunAsync(StressSettings settings, IReadOnlyList<ServerKind> servers, Action<string> progress)
    {
        var figures = new List<StressFigures>();
        foreach (var kind in servers)
        {
            figures.Add(await HoldAsync(settings, kind, progress));
        }

        return figures;
    }

    private static async Task<StressFigures> HoldAsync(StressSettings settings, ServerKind kind, Action<string> progress)
    {
        await using var server = await ServerProcess.StartAsync(kind, liveness: settings.Liveness);
        progress($"{kind}: {server.Url}");

        // One connection pool for every session, as one process of clients would have.
        using var shared = new SocketsHttpHandler();
        using var invoker = new HttpMessageInvoker(shared, disposeHandler: false);
        var sessions = new List<IHeldSession>(settings.Sessions);
        try
        {
            await Task.Delay(Settle);
            var memoryBefore = server.ResidentBytes;
            var connecting = Stopwatch.StartNew();
            sessions.AddRange(await OpenAsync(settings.WebSockets, () => Session(kind, Channel.WebSocket, server.Url, shared, invoker, settings.Liveness)));
            var webSocketsOpened = connecting.Elapsed;
            sessions.AddRange(await OpenAsync(settings.Polling, () => Session(kind, Channel.LongPolling, server.Url, shared, invoker, settings.Liveness)));
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

                var heartbeats = sessions.OfType<HeldSession>().Sum(s => (long)s.Heartbeats);
                progress($"  held {until.TotalSeconds:0} s: {sessions.Count(s => s.Connected)} connected, {sessions.Count(s => s.Drops > 0)} dropped" + (heartbeats > 0 ? $", {heartbeats} heartbeats" : ""));
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
            var ours = sessions.OfType<HeldSession>().ToList();
            var tallies = ours.Count == 0 ? [] : new[] { TransportNames.WebSocket, TransportNames.XhrPolling }
                .Select(transport => TransportTally.Of(transport, ours.Where(s => s.Transport == transport)))
                .ToArray();
            var serverCounts = await ClientCounts.AskAsync(server.Url);
            var echoed = await EchoAllAsync(sessions);

            // Taken after the echoes, so that a drop noticed late (by a reconnecting socket, say) counts.
            var stillConnected = sessions.Count(s => s.Connected && s.Drops == 0);
            return new StressFigures(kind, settings, sessions.Count(s => s.Failure is null), connectTime, webSocketsOpened)
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

    /// <summary>A session of our client on ours (or the baseline), a connection of SignalR's client on SignalR.</summary>
    private static IHeldSession Session(ServerKind kind, Channel channel, Uri server, HttpMessageHandler shared, HttpMessageInvoker invoker, Servers.Liveness liveness) =>
        kind == ServerKind.SignalR
            ? new HeldSignalRConnection(server, channel == Channel.WebSocket ? HttpTransportType.WebSockets : HttpTransportType.LongPolling, invoker, liveness.ClientKeepAlive)
            : new HeldSession(server, channel == Channel.WebSocket ? TransportNames.WebSocket : TransportNames.XhrPolling, shared);

    private static Task<IHeldSession[]> OpenAsync(int count, Func<IHeldSession> create) =>
        Connections.OpenAsync(count, create, session => session.ConnectAsync());

    /// <summary>
    /// Whether each session's message came back, asked of a few hundred sessions at a time: of every
    /// session that opened, so that one reconnecting just then is asked too (its socket sends once it is back).
    /// </summary>
    private static async Task<bool[]> EchoAllAsync(List<IHeldSession> sessions)
    {
        var echoed = new bool[sessions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sessions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (i, _) => echoed[i] = sessions[i].Failure is null && await sessions[i].EchoesAsync(RoundTrips.Payload, StressSettings.EchoPatience));
        return echoed;
    }
}
