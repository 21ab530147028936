using System.Diagnostics;
using Typed.Server.Transports;

namespace Typed.Server.Tests;

/// <summary>
/// How the server tells a dead WebSocket peer from a silent one: a peer that sends nothing gets
/// pings, which every WebSocket end answers by itself; one that answers stays however long it is
/// silent, one that answers nothing is dropped after four heartbeat intervals (and at least 5 s
/// past its first ping), and its session then waits its timeout for a reconnection as usual.
/// </summary>
public sealed class WebSocketLivenessTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(10_000, 15_000, 40_000)]
    [InlineData(2_000, 3_000, 10_000)]
    [InlineData(100, 150, 5_250)]
    public void A_peer_gets_a_ping_after_one_and_a_half_intervals_and_is_gone_after_four_or_5_s_past_the_first_ping(int heartbeat, int pingAfter, int goneAfter)
    {
        var (ping, gone) = WebSocketLiveness.Thresholds(TimeSpan.FromMilliseconds(heartbeat));

        Assert.Equal(TimeSpan.FromMilliseconds(pingAfter), ping);
        Assert.Equal(TimeSpan.FromMilliseconds(goneAfter), gone);
    }

    [Fact]
    public async Task A_peer_that_answers_no_ping_is_dropped_while_a_silent_one_that_answers_stays()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.TransportOptions[TransportNames.WebSocket] = new TransportOptions { HeartbeatInterval = Heartbeat };
        });
        var (_, goneAfter) = WebSocketLiveness.Thresholds(Heartbeat);

        // Silent, but its WebSocket answers pings whenever it reads: and it reads all along.
        await using var answering = await server.WebSocketAsync();
        await answering.HandshakeAsync();
        var echo = answering.ReceiveAsync();

        // Reads everything and answers nothing, as a peer that is gone without a word.
        using var mute = await RawHttpConnection.ConnectAsync(server.BaseUri);
        Assert.Equal(101, await mute.UpgradeToWebSocketAsync("/socket.io/websocket"));
        var silent = Stopwatch.StartNew();
        await Wait.UntilAsync(() => server.Listener.ClientsIndex.Count == 2, "the mute peer's session is connected");
        var muteSession = server.Listener.ClientsIndex.Keys.Single(id => id != answering.SessionId);

        var received = await mute.ReadUntilClosedAsync(within: Wait.Long);
        var dropped = silent.Elapsed;

        Assert.True(PingsIn(received) >= 1, "the mute peer was pinged before it was dropped");
        Assert.True(server.Logs.Contains($"Session {muteSession}: its WebSocket peer has sent nothing, not even a pong"), "the drop is logged");
        Assert.True(dropped >= goneAfter - TimeSpan.FromSeconds(2), $"dropped after {dropped.TotalSeconds:0.0} s of silence");
        Assert.Equal(DisconnectReason.Timeout, (await server.Events.DisconnectedAsync(muteSession)).DisconnectReason);

        await answering.SendAsync("still here");
        Assert.Equal("still here", (await echo).Text);
        Assert.Equal(0, server.Events.DisconnectCount(answering.SessionId));
    }

    /// <summary>The server's ping frames in what a raw connection read after its 101 answer's head.</summary>
    private static int PingsIn(byte[] received)
    {
        var at = received.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        var pings = 0;
        while (at + 2 <= received.Length)
        {
            var opcode = received[at] & 0x0F;
            long length = received[at + 1] & 0x7F;
            var header = 2;
            if (length == 126)
            {
                length = (received[at + 2] << 8) | received[at + 3];
                header = 4;
            }
            else if (length == 127)
            {
                length = BitConverter.ToInt64([.. received.AsSpan(at + 2, 8).ToArray().Reverse()]);
                header = 10;
            }

            pings += opcode == 0x9 ? 1 : 0;
            at += header + (int)length;
        }

        return pings;
    }
}
