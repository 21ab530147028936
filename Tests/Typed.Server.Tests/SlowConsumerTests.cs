using System.Diagnostics;
using System.Globalization;

namespace Typed.Server.Tests;

/// <summary>
/// A client that stops reading while a broadcast flows: its queue never passes the per-session
/// limit, it is disconnected with a logged reason, and everyone else gets every message in order,
/// at a latency measured with the slow one and without it.
/// </summary>
public sealed class SlowConsumerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Readers = 10;
    private const int Messages = 4_000;
    private const int Burst = 50;
    private const long QueueLimit = 1024 * 1024;

    // About 4 MB in all for each client, at some 5 MB/s: four times the queue limit, and more
    // than a stalled connection's kernel buffers hold beside it (the slow client's is 4 KB).
    private static readonly string Padding = new('p', 1000);

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_at_its_queue_limit_and_the_broadcast_keeps_its_pace_for_the_others()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.MaxQueuedBytes = QueueLimit);
        var readers = new List<WebSocketWire>();
        for (var i = 0; i < Readers; i++)
        {
            var reader = await server.WebSocketAsync();
            await reader.HandshakeAsync();
            readers.Add(reader);
        }

        await BroadcastAsync(server, readers, whileSampling: null); // warm-up: the first round pays for the JIT
        var alone = await BroadcastAsync(server, readers, whileSampling: null);

        using var slow = await RawHttpConnection.ConnectAsync(server.BaseUri, receiveBuffer: 4096);
        Assert.Equal(101, await slow.UpgradeToWebSocketAsync("/socket.io/websocket"));
        await Wait.UntilAsync(() => server.Listener.Clients.Count == Readers + 1, "the slow client is connected");
        var slowClient = server.Listener.Clients.Single(c => readers.All(r => r.SessionId != c.SessionId));
        long mostQueued = 0;
        var beside = await BroadcastAsync(server, readers, whileSampling: () => mostQueued = Math.Max(mostQueued, slowClient.QueuedBytes));

        var disconnected = await server.Events.DisconnectedAsync(slowClient.SessionId);
        Assert.Equal(DisconnectReason.SlowConsumer, disconnected.DisconnectReason);
        Assert.True(server.Logs.Contains($"Session {slowClient.SessionId} has"), "the reason is logged");
        Assert.InRange(mostQueued, 0, QueueLimit);
        Assert.Equal(Readers, server.Listener.Clients.Count);

        output.WriteLine($"others' latency alone:          p50 {alone.P50:F2} ms, p99 {alone.P99:F2} ms");
        output.WriteLine($"others' latency beside a slow one: p50 {beside.P50:F2} ms, p99 {beside.P99:F2} ms");
        output.WriteLine($"ratio: p50 {beside.P50 / alone.P50:F2}x, p99 {beside.P99 / alone.P99:F2}x; most queued for the slow one {mostQueued:N0} of {QueueLimit:N0} bytes");
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }
    }

    /// <summary>Broadcasts in paced bursts; every reader must get every message in order. Returns their latencies.</summary>
    private static async Task<Latency> BroadcastAsync(SocketServerHost server, List<WebSocketWire> readers, Action? whileSampling)
    {
        var receiving = readers.Select(reader => Task.Run(() => ReceiveAllAsync(reader))).ToArray();
        for (var i = 0; i < Messages; i++)
        {
            server.Listener.Broadcast($"{i} {Stopwatch.GetTimestamp()} {Padding}");
            if (i % Burst == Burst - 1)
            {
                whileSampling?.Invoke();
                await Task.Delay(10);
            }
        }

        var latencies = (await Task.WhenAll(receiving).WaitAsync(TimeSpan.FromMinutes(2))).SelectMany(l => l).Order().ToArray();
        whileSampling?.Invoke();
        return new Latency(latencies[latencies.Length / 2], latencies[latencies.Length * 99 / 100]);
    }

    private static async Task<List<double>> ReceiveAllAsync(WebSocketWire reader)
    {
        var latencies = new List<double>(Messages);
        for (var expected = 0; expected < Messages; expected++)
        {
            var parts = (await reader.ReceiveAsync()).Text.Split(' ');
            Assert.Equal(expected, int.Parse(parts[0], CultureInfo.InvariantCulture));
            latencies.Add(Stopwatch.GetElapsedTime(long.Parse(parts[1], CultureInfo.InvariantCulture)).TotalMilliseconds);
        }

        return latencies;
    }

    private sealed record Latency(double P50, double P99);
}
