using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Typed.Client.Tests;

/// <summary>The runs that keep both cores busy for minutes: alone, after the tests that run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyNetworkRuns
{
    public const string Name = "heavy network runs";
}

/// <summary>
/// Clients on every transport, with the library's own timing on both sides, through a network
/// that cuts every connection every 0.2 to 1.5 s, stalls now and then for 0.5 to 3 s, forwards in
/// pieces of 1 to 500 bytes, and swallows about one new connection in a hundred (accepts it and
/// never answers): every message arrives once, in order, both ways, and every session survives.
/// About a minute and a half.
/// </summary>
[Collection(HeavyNetworkRuns.Name)]
public sealed class ManyHungRequestsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int PerTransport = 4;
    private const int Count = 1000;
    private const int Burst = 10;
    private const double SwallowChance = 0.01;

    // A transport's clients open a few new connections a second, so at one in a hundred a lane may
    // see no swallow in a run: its chance then doubles every so often until one is swallowed.
    private static readonly TimeSpan SwallowPatience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Clients_on_every_transport_lose_nothing_to_cuts_stalls_small_pieces_and_connections_that_hang()
    {
        var atServer = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        var logs = new ConcurrentDictionary<string, TimedLog>(StringComparer.Ordinal);
        await using var server = await SocketServerHost.StartAsync(ClientTransportTests.AnyOrigin, listener =>
        {
            listener.ClientMessage += (client, message) =>
            {
                var messages = atServer.GetOrAdd(client.SessionId, _ => []);
                lock (messages)
                {
                    messages.Add(message.Text);
                }

                client.Send(message); // the echo, to the session that sent it
            };

            // Beside what the client logged, for a lost session's story.
            listener.ClientDisconnected += client => logs.GetValueOrDefault(client.SessionId)?.Note($"the server ended session {client.SessionId}");
        });

        // A proxy per transport, so that cuts and swallows are told per transport.
        var lanes = TransportNames.All.Select(transport => new Lane(transport, FaultyTcpProxy.Start(server.BaseUri))).ToList();
        var peers = new List<Peer>();
        try
        {
            foreach (var lane in lanes)
            {
                for (var i = 0; i < PerTransport; i++)
                {
                    var log = new TimedLog();
                    var peer = new Peer(lane, new ClientProbe(lane.Proxy.BaseUri, TimedLog.DefaultTiming(lane.Transport, server, log)), log, atServer, server.Events);
                    lane.Peers.Add(peer);
                    peers.Add(peer);
                }
            }

            await Task.WhenAll(peers.Select(p => p.Probe.Socket.ConnectAsync())).WaitAsync(TimeSpan.FromMinutes(1));
            foreach (var peer in peers)
            {
                peer.SessionId = peer.Probe.Socket.SessionId!;
                logs[peer.SessionId] = peer.Log;
                peer.Session = await server.Events.ConnectedAsync(peer.SessionId);
            }

            using var faults = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var faulting = lanes.Select(l => l.FaultAsync(faults.Token)).ToArray();
            try
            {
                await Task.WhenAll(peers.Select(p => p.SendBothWaysAsync())).WaitAsync(TimeSpan.FromMinutes(2));
                foreach (var lane in lanes)
                {
                    lane.SwallowedWhileSending = lane.Proxy.Swallowed;
                }

                // Stops early when a session is lost: what it held will never come.
                await Wait.UntilAsync(
                    () =>
                    {
                        foreach (var lane in lanes.Where(l => l.Delivered is null && l.Peers.All(p => p.HasEverything)))
                        {
                            lane.Delivered = clock.Elapsed;
                        }

                        return lanes.All(l => l.Delivered is not null) || peers.Any(p => p.Lost);
                    },
                    "every message has arrived both ways, or a session is lost",
                    TimeSpan.FromMinutes(4));
                var lost = peers.Where(p => p.Lost).Select(p => $"{p.Name} ({p.Probe.Expired} expired at the client, {server.Events.DisconnectCount(p.SessionId)} ended at the server)").ToList();
                Assert.True(lost.Count == 0, "sessions were lost: " + string.Join(", ", lost));
                await Task.WhenAll(peers.Select(p => p.Probe.Socket.FlushAsync())).WaitAsync(TimeSpan.FromMinutes(2));
                output.WriteLine($"everything delivered and acknowledged after {clock.Elapsed.TotalSeconds:F0} s");
            }
            finally
            {
                await faults.CancelAsync();
                await Task.WhenAll(faulting);
                Report(lanes, peers);
            }

            foreach (var lane in lanes)
            {
                Assert.True(lane.Proxy.Cuts > 0, $"{lane.Transport}: connections were cut");
                Assert.True(lane.Stalls > 0, $"{lane.Transport}: traffic was stalled");
                Assert.True(lane.SwallowedWhileSending > 0, $"{lane.Transport}: connections were swallowed while messages were on their way");
            }

            foreach (var peer in peers)
            {
                var name = peer.Name;
                Assert.True(Expected("c").SequenceEqual(peer.AtServer), $"the server received every message of {name} once, in order");
                Assert.True(Expected("c").SequenceEqual(peer.Echoes), $"{name} received every echo once, in order");
                Assert.True(Expected("p").SequenceEqual(peer.Pushes), $"{name} received every message the server pushed once, in order");
                Assert.True(peer.Probe.Expired == 0, $"{name} kept its session");
                Assert.True(server.Events.DisconnectCount(peer.SessionId) == 0, $"the server kept the session of {name}");
                Assert.Equal(peer.SessionId, peer.Probe.Socket.SessionId);
            }
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.Probe.DisposeAsync();
            }

            foreach (var lane in lanes)
            {
                await lane.Proxy.DisposeAsync();
            }
        }
    }

    /// <summary>One line per transport; the log of any client that lost, repeated or reordered something.</summary>
    private void Report(List<Lane> lanes, List<Peer> peers)
    {
        output.WriteLine($"{PerTransport} clients per transport, {Count} messages each way per client (echoed back, and as many pushed by the server); up/echo/push");
        output.WriteLine($"{"transport",-13} | {"lost",-11} | {"duplicated",-11} | {"reordered",-11} | expired | cuts | swallowed | chance | stalls | reconnections | delivered after");
        foreach (var lane in lanes)
        {
            var up = lane.Peers.Select(p => Check(p.AtServer, "c")).ToList();
            var echo = lane.Peers.Select(p => Check(p.Echoes, "c")).ToList();
            var push = lane.Peers.Select(p => Check(p.Pushes, "p")).ToList();
            string Cell(Func<(int Lost, int Duplicated, int Reordered), int> figure) => $"{up.Sum(figure)}/{echo.Sum(figure)}/{push.Sum(figure)}";
            output.WriteLine(
                $"{lane.Transport,-13} | {Cell(c => c.Lost),-11} | {Cell(c => c.Duplicated),-11} | {Cell(c => c.Reordered),-11} | {lane.Peers.Sum(p => p.Probe.Expired),7} | {lane.Proxy.Cuts,4} | "
                + $"{lane.Proxy.Swallowed,9} | {lane.PeakChance,6:P0} | {lane.Stalls,6} | {lane.Peers.Sum(p => p.Probe.Reconnected),13} | {(lane.Delivered is { } t ? $"{t.TotalSeconds:F0} s" : "never")}");
        }

        foreach (var peer in peers.Where(p => !p.Complete))
        {
            output.WriteLine($"--- {peer.Name} ({peer.SessionId}): {peer.AtServer.Count} at the server, {peer.Echoes.Count} echoes, {peer.Pushes.Count} pushes, "
                + $"{peer.Probe.Expired} expired, {peer.Probe.Reconnected} reconnections; its last log lines:");
            peer.Log.WriteTo(output, last: peer.Lost ? 300 : 40);
        }
    }

    private static (int Lost, int Duplicated, int Reordered) Check(IReadOnlyList<string> received, string prefix)
    {
        var numbers = received.Select(m => m.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(m.AsSpan(prefix.Length), CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var distinct = numbers.Where(n => n is >= 0 and < Count).Distinct().Count();
        var reordered = numbers.Zip(numbers.Skip(1)).Count(pair => pair.Second < pair.First);
        return (Count - distinct, numbers.Count - numbers.Distinct().Count(), reordered);
    }

    private static IEnumerable<string> Expected(string prefix) =>
        Enumerable.Range(0, Count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>The clients of one transport and the network in front of them.</summary>
    private sealed class Lane(string transport, FaultyTcpProxy proxy)
    {
        public string Transport { get; } = transport;

        public FaultyTcpProxy Proxy { get; } = proxy;

        public List<Peer> Peers { get; } = [];

        public int Stalls { get; private set; }

        /// <summary>The highest the swallow chance went (see <see cref="SwallowPatience"/>).</summary>
        public double PeakChance { get; private set; } = SwallowChance;

        /// <summary>Connections swallowed before the last message was sent.</summary>
        public int SwallowedWhileSending { get; set; }

        /// <summary>When every client of this transport had every message, both ways.</summary>
        public TimeSpan? Delivered { get; set; }

        public Task FaultAsync(CancellationToken stop)
        {
            Proxy.SwallowChance = SwallowChance;
            return Task.WhenAll(CutAsync(stop), StallAsync(stop), ChopAsync(stop), InsistOnSwallowingAsync(stop));
        }

        private async Task InsistOnSwallowingAsync(CancellationToken stop)
        {
            while (Proxy.Swallowed == 0 && await PauseAsync((int)SwallowPatience.TotalMilliseconds, (int)SwallowPatience.TotalMilliseconds, stop))
            {
                if (Proxy.Swallowed == 0)
                {
                    Proxy.SwallowChance = PeakChance = Proxy.SwallowChance * 2;
                }
            }

            Proxy.SwallowChance = SwallowChance;
        }

        private async Task CutAsync(CancellationToken stop)
        {
            while (await PauseAsync(200, 1500, stop))
            {
                Proxy.CutAll();
            }
        }

        private async Task StallAsync(CancellationToken stop)
        {
            while (await PauseAsync(2000, 8000, stop))
            {
                Proxy.Stalled = true;
                Stalls++;
                await PauseAsync(500, 3000, stop);
                Proxy.Stalled = false;
            }
        }

        private async Task ChopAsync(CancellationToken stop)
        {
            do
            {
                Proxy.MaxChunk = Random.Shared.Next(1, 501);
            }
            while (await PauseAsync(50, 150, stop));

            Proxy.MaxChunk = 0;
        }

        /// <summary>A random pause; false once the faults are to stop.</summary>
        private static async Task<bool> PauseAsync(int minMilliseconds, int maxMilliseconds, CancellationToken stop)
        {
            await Task.Delay(Random.Shared.Next(minMilliseconds, maxMilliseconds + 1), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return !stop.IsCancellationRequested;
        }
    }

    /// <summary>One client, what it received (echoes and pushes apart), and what the server received from it.</summary>
    private sealed class Peer
    {
        private readonly List<string> _echoes = new(Count);
        private readonly List<string> _pushes = new(Count);
        private readonly ConcurrentDictionary<string, List<string>> _atServer;
        private readonly ListenerEvents _events;

        public Peer(Lane lane, ClientProbe probe, TimedLog log, ConcurrentDictionary<string, List<string>> atServer, ListenerEvents events)
        {
            _events = events;
            Lane = lane;
            Probe = probe;
            Log = log;
            _atServer = atServer;
            probe.Socket.Reconnected += () => log.Note("reattached");
            probe.Socket.SessionExpired += () => log.Note("the session has expired");
            probe.Socket.MessageReceived += message =>
            {
                var list = message.Text.StartsWith('p') ? _pushes : _echoes;
                lock (list)
                {
                    list.Add(message.Text);
                }
            };
        }

        public Lane Lane { get; }

        public ClientProbe Probe { get; }

        public TimedLog Log { get; }

        public string Name => $"{Lane.Transport} client {Lane.Peers.IndexOf(this)}";

        public string SessionId { get; set; } = string.Empty;

        public Server.Client? Session { get; set; }

        public IReadOnlyList<string> Echoes => Snapshot(_echoes);

        public IReadOnlyList<string> Pushes => Snapshot(_pushes);

        public IReadOnlyList<string> AtServer => _atServer.TryGetValue(SessionId, out var list) ? Snapshot(list) : [];

        public bool HasEverything =>
            (_atServer.TryGetValue(SessionId, out var atServer) ? Counted(atServer) : 0) >= Count && Counted(_echoes) >= Count && Counted(_pushes) >= Count;

        public bool Complete => HasEverything && Check(AtServer, "c") == (0, 0, 0) && Check(Echoes, "c") == (0, 0, 0) && Check(Pushes, "p") == (0, 0, 0) && !Lost;

        /// <summary>The session is gone (for the client or for the server), and what it held with it.</summary>
        public bool Lost => Probe.Expired > 0 || _events.DisconnectCount(SessionId) > 0;

        /// <summary>Both ways at once, in bursts spread over many cuts (45 s or so).</summary>
        public async Task SendBothWaysAsync()
        {
            for (var i = 0; i < Count; i++)
            {
                var number = i.ToString(CultureInfo.InvariantCulture);
                Session!.Send("p" + number);
                await Probe.Socket.SendAsync("c" + number);
                if (i % Burst == Burst - 1)
                {
                    await Task.Delay(450);
                }
            }
        }

        private static int Counted(List<string> list)
        {
            lock (list)
            {
                return list.Count;
            }
        }

        private static List<string> Snapshot(List<string> list)
        {
            lock (list)
            {
                return [.. list];
            }
        }
    }
}
