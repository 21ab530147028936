using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Typed.Client.Tests;

/// <summary>A bare WebSocket server that speaks only what a test makes it send, for clients to meet frames no real server sends.</summary>
internal static class RawWebSocketServer
{
    /// <summary>
    /// Answers every WebSocket request with what <paramref name="frames"/> gives for it (the
    /// request's query tells a reattachment), then holds the connection open until the client leaves.
    /// </summary>
    public static async Task<WebApplication> StartAsync(Func<HttpRequest, byte[][]> frames)
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
            foreach (var frame in frames(context.Request))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }

            var buffer = new byte[1024];
            try
            {
                while ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client dropped the connection.
            }
        });
        await app.StartAsync();
        return app;
    }
}
