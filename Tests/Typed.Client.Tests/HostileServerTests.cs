using Microsoft.AspNetCore.Builder;
using Typed.Framing;
using Typed.Testing;

namespace Typed.Client.Tests;

/// <summary>What the client does with frames that are not the protocol's, from a raw WebSocket server.</summary>
public class HostileServerTests
{
    [Fact]
    public async Task A_frame_broken_off_after_a_message_is_ignored_whole_and_the_next_frame_arrives_alone()
    {
        await using var app = await StartAsync(
            ServerFrame.Encode(Handshake.Create("hostile-session")),
            "{\"messages\":[\"from the broken frame\","u8.ToArray(),
            ServerFrame.Encode("whole"),
            ServerFrame.Encode("after"));
        var options = ClientProbe.Options(TransportNames.WebSocket);
        options.AcknowledgedDelivery = false;
        await using var probe = new ClientProbe(app.BaseUri(), options);
        await probe.Socket.ConnectAsync().Within();

        var received = await probe.ReceiveAsync(2);

        Assert.Equal(["whole", "after"], received.Select(m => m.Text));
    }

    private static Task<WebApplication> StartAsync(params byte[][] frames) => RawWebSocketServer.StartAsync(_ => frames);
}
