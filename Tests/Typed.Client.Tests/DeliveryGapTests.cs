using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Typed.Framing;

namespace Typed.Client.Tests;

/// <summary>
/// The client keeps the server's gap policy: a frame numbered past a gap is not taken, nothing in
/// it is acknowledged, and the client reattaches so that the server sends what is missing.
/// </summary>
public sealed class DeliveryGapTests
{
    [Fact]
    public async Task A_frame_past_a_gap_is_refused_unacknowledged_and_what_is_missing_comes_on_reattaching()
    {
        var acks = new ConcurrentQueue<string>();
        await using var app = await StartAsync(acks);
        await using var probe = new ClientProbe(app.BaseUri(), ClientProbe.Options(TransportNames.WebSocket));
        await probe.Socket.ConnectAsync().Within();

        var received = await probe.ReceiveAsync(3);

        Assert.Equal(["one", "two", "three"], received.Select(m => m.Text));
        // The reattachment said what had been taken: one, not three.
        Assert.Equal(["1"], acks);
    }

    // A server that numbers "one" 1 and then skips to "three" as 3; asked again, it sends 2 and 3.
    private static Task<WebApplication> StartAsync(ConcurrentQueue<string> acks) =>
        RawWebSocketServer.StartAsync(request =>
        {
            if (request.Query["ack"] is { Count: > 0 } ack)
            {
                acks.Enqueue(ack.ToString());
                return [Numbered(2, "two", "three")];
            }

            return [Numbered(1, Handshake.Create("gap-session", acknowledged: true), "one"), Numbered(3, "three")];
        });

    // The seq numbers the first message after a handshake.
    private static byte[] Numbered(long seq, params Message[] messages)
    {
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        ServerFrame.WriteStart(frame);
        for (var i = 0; i < messages.Length; i++)
        {
            ServerFrame.WriteMessage(frame, messages[i], first: i == 0);
        }

        ServerFrame.WriteEnd(frame, new DeliveryNumbers(seq, null));
        return frame.WrittenSpan.ToArray();
    }
}
