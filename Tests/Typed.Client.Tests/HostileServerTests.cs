using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

    // A server that answers any WebSocket request with the given frames, then holds the connection open.
    private static async Task<WebApplication> StartAsync(params byte[][] frames)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            foreach (var frame in frames)
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }

            var buffer = new byte[1024];
            while (!context.RequestAborted.IsCancellationRequested
                && (await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
            {
            }
        });
        await app.StartAsync();
        return app;
    }
}
