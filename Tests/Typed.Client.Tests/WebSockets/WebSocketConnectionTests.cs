using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Typed.Buffers;
using Typed.Client.Transports.WebSockets;

namespace Typed.Client.Tests.WebSockets;

/// <summary>The client's own RFC 6455 end: against Kestrel's WebSocket, and against a server scripted byte by byte.</summary>
public sealed class WebSocketConnectionTests
{
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler());

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(3_000_001)]
    public async Task Kestrel_echoes_messages_of_every_length_encoding_back_intact(int length)
    {
        await using var app = await StartKestrelEchoAsync();
        using var connection = await WebSocketUpgrade.ConnectAsync(new Uri(app.Urls.First().Replace("http", "ws") + "/ws"), Invoker, [], CancellationToken.None).WaitAsync(Wait.Long);
        var sent = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();

        await connection.SendAsync(sent, WebSocketMessageType.Text);
        using var received = new PooledBufferWriter();
        var type = await connection.ReceiveAsync(received).AsTask().WaitAsync(Wait.Long);

        Assert.Equal(WebSocketMessageType.Text, type);
        Assert.Equal(sent, received.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Frames_are_masked_each_with_a_key_of_its_own()
    {
        await using var server = new ScriptedWebSocketServer();
        using var connection = await ConnectAsync(server);

        var keys = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            await connection.SendAsync(Encoding.UTF8.GetBytes($"message {i}"), WebSocketMessageType.Text);
            var frame = await server.ReadFrameAsync();
            Assert.True(frame.Masked && frame.Final && frame.Opcode == 1, "a final, masked text frame");
            Assert.Equal($"message {i}", Encoding.UTF8.GetString(frame.Payload));
            keys.Add(Convert.ToHexString(frame.Key));
        }

        Assert.True(keys.Count >= 49, $"masking keys repeat: {keys.Count} distinct in 50 frames");
    }

    [Fact]
    public async Task A_fragmented_message_is_put_back_together_and_a_ping_between_its_fragments_is_answered()
    {
        await using var server = new ScriptedWebSocketServer();
        using var connection = await ConnectAsync(server);
        using var received = new PooledBufferWriter();
        var receiving = connection.ReceiveAsync(received).AsTask();

        await server.SendFrameAsync(0x01, "first, "u8.ToArray());   // text, not final
        await server.SendFrameAsync(0x89, "are you there"u8.ToArray()); // ping
        await server.SendFrameAsync(0x00, "second, "u8.ToArray());  // continuation
        await server.SendFrameAsync(0x80, "last"u8.ToArray());      // final continuation

        Assert.Equal(WebSocketMessageType.Text, await receiving.WaitAsync(Wait.Long));
        Assert.Equal("first, second, last", Encoding.UTF8.GetString(received.WrittenSpan));
        var pong = await server.ReadFrameAsync();
        Assert.Equal(0xA, pong.Opcode);
        Assert.Equal("are you there", Encoding.UTF8.GetString(pong.Payload));
    }

    [Fact]
    public async Task A_close_from_the_server_is_answered_with_its_status_and_reported()
    {
        await using var server = new ScriptedWebSocketServer();
        using var connection = await ConnectAsync(server);
        using var received = new PooledBufferWriter();

        await server.SendFrameAsync(0x88, [0x03, 0xE9, .. "going away"u8.ToArray()]); // 1001
        Assert.Equal(WebSocketMessageType.Close, await connection.ReceiveAsync(received).AsTask().WaitAsync(Wait.Long));

        var answer = await server.ReadFrameAsync();
        Assert.Equal(0x8, answer.Opcode);
        Assert.Equal(new byte[] { 0x03, 0xE9 }, answer.Payload[..2]);
        Assert.False(connection.CanSend);
    }

    [Theory]
    [InlineData("masked by the server")]
    [InlineData("reserved bits set")]
    [InlineData("a continuation with no message begun")]
    [InlineData("an unknown opcode")]
    [InlineData("a fragmented ping")]
    [InlineData("a ping over 125 bytes")]
    [InlineData("invalid UTF-8 in a text message")]
    [InlineData("the connection dropped mid-frame")]
    public async Task A_server_that_breaks_the_protocol_fails_the_read(string breach)
    {
        await using var server = new ScriptedWebSocketServer();
        using var connection = await ConnectAsync(server);
        using var received = new PooledBufferWriter();
        var receiving = connection.ReceiveAsync(received).AsTask();

        switch (breach)
        {
            case "masked by the server": await server.SendFrameAsync(0x81, "hidden"u8.ToArray(), masked: true); break;
            case "reserved bits set": await server.SendFrameAsync(0xC1, "compressed?"u8.ToArray()); break;
            case "a continuation with no message begun": await server.SendFrameAsync(0x80, "orphan"u8.ToArray()); break;
            case "an unknown opcode": await server.SendFrameAsync(0x83, "what"u8.ToArray()); break;
            case "a fragmented ping": await server.SendFrameAsync(0x09, "half"u8.ToArray()); break;
            case "a ping over 125 bytes": await server.SendFrameAsync(0x89, new byte[126]); break;
            case "invalid UTF-8 in a text message": await server.SendFrameAsync(0x81, [0x61, 0xC3, 0x28]); break;
            case "the connection dropped mid-frame":
                await server.SendBytesAsync([0x81, 10, (byte)'a', (byte)'b']);
                server.Drop();
                break;
        }

        var failure = await Assert.ThrowsAsync<WebSocketException>(() => receiving.WaitAsync(Wait.Long));
        Assert.Equal(breach == "the connection dropped mid-frame" ? WebSocketError.ConnectionClosedPrematurely : WebSocketError.Faulted, failure.WebSocketErrorCode);
    }

    [Fact]
    public async Task An_upgrade_refused_with_a_status_reports_the_status()
    {
        await using var server = new ScriptedWebSocketServer();
        var connecting = WebSocketUpgrade.ConnectAsync(server.Uri, Invoker, [], CancellationToken.None);
        await server.AcceptAsync("404 Not Found");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connecting.WaitAsync(Wait.Long));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_101_whose_accept_key_does_not_answer_the_request_is_refused()
    {
        await using var server = new ScriptedWebSocketServer();
        var connecting = WebSocketUpgrade.ConnectAsync(server.Uri, Invoker, [], CancellationToken.None);
        await server.AcceptAsync(validAccept: false);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => connecting.WaitAsync(Wait.Long));
        Assert.Equal(WebSocketError.HeaderError, refused.WebSocketErrorCode);
    }

    [Fact]
    public async Task Abort_ends_a_read_in_progress()
    {
        await using var server = new ScriptedWebSocketServer();
        using var connection = await ConnectAsync(server);
        using var received = new PooledBufferWriter();
        var receiving = connection.ReceiveAsync(received).AsTask();

        connection.Abort();

        await Assert.ThrowsAnyAsync<Exception>(() => receiving.WaitAsync(Wait.Long));
        Assert.False(connection.CanSend);
    }

    private static async Task<WebSocketConnection> ConnectAsync(ScriptedWebSocketServer server)
    {
        var connecting = WebSocketUpgrade.ConnectAsync(server.Uri, Invoker, [], CancellationToken.None);
        await server.AcceptAsync();
        return await connecting.WaitAsync(Wait.Long);
    }

    private static async Task<WebApplication> StartKestrelEchoAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var message = new PooledBufferWriter();
            while (true)
            {
                message.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(message.GetMemory(64 * 1024), CancellationToken.None);
                    message.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                await socket.SendAsync(message.WrittenMemory, result.MessageType, true, CancellationToken.None);
            }
        });
        await app.StartAsync();
        return app;
    }
}
