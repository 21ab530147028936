using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Typed.Server;

namespace Typed.Benchmarks;

/// <summary>
/// One WebSocket echo round trip through a real Kestrel server on loopback, in this process: our
/// server (2010 framing, and with acknowledged delivery) against a bare Kestrel WebSocket echo. The
/// client is a bare <see cref="ClientWebSocket"/> reusing its buffers, so that what the memory
/// diagnoser counts (every thread's allocations) is the server's path: the bare echo shows what
/// Kestrel itself costs, and the difference is ours.
/// </summary>
[MemoryDiagnoser]
public class EchoPathBenchmarks
{
    private const string Text = "0123456789abcdef0123456789abcdef";
    private readonly byte[] _received = new byte[4096];
    private readonly byte[] _numbered = new byte[256];
    private WebApplication? _app;
    private ClientWebSocket _typed = null!;
    private ClientWebSocket _acknowledged = null!;
    private ClientWebSocket _bare = null!;
    private byte[] _payload = null!;
    private byte[] _bareMessage = null!;
    private long _seq;

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSockets(options =>
        {
            options.Origins = ["*:*"];
            options.FlashPolicyPort = 0;
            options.FlashPolicyAddress = System.Net.IPAddress.Loopback;
        });
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/bare", BareEchoAsync);
        _app.MapSockets(sockets => sockets.ClientMessage += (client, message) => client.Send(message));
        await _app.StartAsync();
        var server = new Uri(_app.Urls.First().Replace("http", "ws", StringComparison.Ordinal));

        _payload = Encoding.UTF8.GetBytes($"[\"{Text}\"]");
        _bareMessage = Encoding.UTF8.GetBytes(Text);
        _typed = await OpenAsync(new Uri(server, "socket.io/websocket"));
        _acknowledged = await OpenAsync(new Uri(server, "socket.io/websocket?acks=1"));
        _bare = await OpenAsync(new Uri(server, "bare"));
        await ReceiveAsync(_typed); // the handshake
        await ReceiveAsync(_acknowledged);
    }

    [Benchmark(Baseline = true, Description = "bare Kestrel WebSocket echo")]
    public async Task<int> Bare()
    {
        await _bare.SendAsync(_bareMessage, WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync(_bare);
    }

    [Benchmark(Description = "our server, 2010 framing")]
    public async Task<int> Typed()
    {
        await _typed.SendAsync(_payload, WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync(_typed);
    }

    [Benchmark(Description = "our server, acknowledged delivery")]
    public async Task<int> Acknowledged()
    {
        // Each payload numbered and acknowledging the last frame, as the .NET client sends it.
        _seq++;
        System.Text.Unicode.Utf8.TryWrite(_numbered, $"{{\"seq\":{_seq},\"ack\":{_seq},\"messages\":[\"{Text}\"]}}", out var length);
        await _acknowledged.SendAsync(_numbered.AsMemory(0, length), WebSocketMessageType.Text, true, CancellationToken.None);
        return await ReceiveAsync(_acknowledged);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var socket in new[] { _typed, _acknowledged, _bare })
        {
            socket.Abort();
            socket.Dispose();
        }

        await _app!.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<ClientWebSocket> OpenAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }

    private async Task<int> ReceiveAsync(ClientWebSocket socket)
    {
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(_received.AsMemory(count), CancellationToken.None);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return count;
    }

    private static async Task BareEchoAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
        }
    }
}
