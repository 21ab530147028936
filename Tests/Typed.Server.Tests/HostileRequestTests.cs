using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Typed.Server.Tests;

/// <summary>
/// Attacks on the server over real sockets, each while a bystander session goes on echoing: the
/// attack is refused with a clear status or a close and a log line, the bystander notices
/// nothing, and nothing is logged as an unhandled error.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    /// <summary>Kestrel's limits tightened as a deployment on the open internet would, so that tests need not wait 30 s.</summary>
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(2);

    private SocketServerHost _server = null!;
    private WebSocketWire _bystander = null!;

    public async Task InitializeAsync()
    {
        _server = await SocketServerHost.StartEchoAsync(
            o => o.MaxMessageSize = 64 * 1024,
            services: builder => builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Limits.RequestHeadersTimeout = HeadersTimeout;
                kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
            }));
        _bystander = await _server.WebSocketAsync();
        await _bystander.HandshakeAsync();
    }

    public async Task DisposeAsync()
    {
        await AssertBystanderEchoesAsync("after the attack");
        Assert.Equal(0, _server.Events.DisconnectCount(_bystander.SessionId));
        await _bystander.DisposeAsync();
        await _server.DisposeAsync();
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task Endless_headers_get_a_431_and_the_connection_is_closed()
    {
        using var attacker = await RawHttpConnection.ConnectAsync(_server.BaseUri);
        await attacker.TryWriteAsync("GET /socket.io/xhr-polling//1 HTTP/1.1\r\nHost: 127.0.0.1\r\n");

        var line = "X-Padding: " + new string('a', 1000) + "\r\n";
        var written = 0;
        while (written < 10_000 && await attacker.TryWriteAsync(line))
        {
            written++;
            if (written % 100 == 0)
            {
                await AssertBystanderEchoesAsync($"during the headers {written}");
            }
        }

        Assert.True(written < 10_000, "the server stopped taking headers");
        Assert.Equal(431, await attacker.ReadStatusAsync());
        Assert.True(_server.Logs.Contains("Request headers too long"), "Kestrel logs the refusal");
        Assert.Equal([_bystander.SessionId], _server.Listener.ClientsIndex.Keys);
    }

    [Fact]
    public async Task Requests_trickled_a_byte_at_a_time_are_timed_out_while_the_bystander_goes_on()
    {
        const int attackers = 50;
        var connections = await Task.WhenAll(Enumerable.Range(0, attackers).Select(_ => RawHttpConnection.ConnectAsync(_server.BaseUri)));
        var request = "GET /socket.io/xhr-polling//1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('s', 200);
        using var trickling = new CancellationTokenSource();

        // Slowloris: every connection sends a byte every 100 ms and never ends its headers.
        var tricklers = connections.Select(async connection =>
        {
            foreach (var c in request)
            {
                if (trickling.IsCancellationRequested || !await connection.TryWriteAsync(c.ToString()))
                {
                    return;
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }).ToArray();
        var answered = Task.WhenAll(connections.Select(c => c.ReadStatusAsync()));
        for (var i = 0; !answered.IsCompleted; i++)
        {
            await AssertBystanderEchoesAsync($"during the trickle {i}");
            await Task.WhenAny(answered, Task.Delay(100));
        }

        var statuses = await answered;
        await trickling.CancelAsync();
        await Task.WhenAll(tricklers);

        Assert.All(statuses, status => Assert.True(status is 408 or null, $"answered {status}"));
        Assert.True(_server.Logs.Contains("Reading the request headers timed out"), "Kestrel logs the timeout");
        Assert.Equal([_bystander.SessionId], _server.Listener.ClientsIndex.Keys);
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }

    [Fact]
    public async Task A_post_body_trickled_below_the_minimum_rate_is_cut_and_its_session_carries_on()
    {
        var received = 0;
        _server.Listener.ClientMessage += (_, message) =>
        {
            if (message.Text == "trickled")
            {
                Interlocked.Increment(ref received);
            }
        };
        using var polling = _server.Polling();
        await polling.OpenAsync();
        var body = "data=" + Uri.EscapeDataString("[\"trickled\"]") + new string(' ', 2000);
        using var attacker = await RawHttpConnection.ConnectAsync(_server.BaseUri);
        await attacker.TryWriteAsync($"POST /socket.io/xhr-polling/{polling.SessionId}/send HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\n\r\n");

        var cut = attacker.WaitForCloseAsync();
        var sent = 0;
        while (!cut.IsCompleted && sent < body.Length && await attacker.TryWriteAsync(body[sent].ToString()))
        {
            sent++;
            await Task.WhenAny(cut, Task.Delay(50));
        }

        await cut;
        Assert.True(sent < body.Length, "the body was cut before its end");
        Assert.True(_server.Logs.Contains("minimum data rate") || _server.Logs.Contains("minimum of 240 bytes/second"), "Kestrel logs the slow body");
        Assert.Equal(0, received);
        await polling.AssertEchoesAsync("after the attack");
    }

    [Fact]
    public async Task A_million_tiny_messages_in_one_payload_are_refused_whole_on_both_upstreams()
    {
        var million = TinyMessages(1_000_000);
        using var polling = _server.Polling();
        await polling.OpenAsync();
        var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        using var posted = await polling.PostFormAsync("data=" + Uri.EscapeDataString(million));
        try
        {
            await socket.SendRawAsync(Encoding.ASCII.GetBytes(million));
        }
        catch (WebSocketException)
        {
            // The server closed the socket before the 4 MB were all written.
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        var status = await socket.WaitForCloseAsync();
        Assert.True(status is null or WebSocketCloseStatus.MessageTooBig, $"closed with {status}");
        Assert.True(_server.Logs.Contains($"Session {socket.SessionId} sent a payload that was refused"));
        await socket.DisposeAsync();
        await polling.AssertEchoesAsync("after the attack");
    }

    [Fact]
    public async Task As_many_tiny_messages_as_a_payload_may_hold_all_arrive_in_order()
    {
        // Sixteen thousand messages in 64 KiB, in one POST and in one frame.
        const int count = (64 * 1024 / 4) - 1;
        var payload = TinyMessages(count);
        using var polling = _server.Polling();
        await polling.OpenAsync();
        await using var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        using var posted = await polling.PostFormAsync("data=" + Uri.EscapeDataString(payload));
        await socket.SendRawAsync(Encoding.ASCII.GetBytes(payload));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.All(await polling.PollForAsync(count), m => Assert.Equal("x", m.Text));
        Assert.All(await socket.ReceiveAsync(count), m => Assert.Equal("x", m.Text));
        await AssertBystanderEchoesAsync("after the flood");
    }

    [Fact]
    public async Task Deep_json_nesting_over_a_websocket_closes_that_socket_and_its_session_survives()
    {
        var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendRawAsync(Encoding.ASCII.GetBytes(new string('[', 1000) + new string(']', 1000)));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await socket.WaitForCloseAsync());
        Assert.True(_server.Logs.Contains($"Session {socket.SessionId} sent a payload that was refused"));
        await socket.DisposeAsync();
        await using var again = await _server.WebSocketAsync(socket.SessionId);
        await again.SendAsync("back");
        Assert.Equal("back", (await again.ReceiveAsync()).Text);
    }

    [Theory]
    [InlineData("/socket.io/xhr-polling/{sid}%2Fsend", "GET")]
    [InlineData("/socket.io/xhr-polling/{sid}%2F..%2F{sid}/1", "GET")]
    [InlineData("/socket.io/xhr-polling/..%2F{sid}/1", "GET")]
    [InlineData("/socket.io/xhr-polling/{SID}/1", "GET")]
    [InlineData("/socket.io/xhr-polling/{sid}%00/1", "GET")]
    [InlineData("/socket.io/xhr-polling/%C3%28/1", "GET")]
    [InlineData("/socket.io/xhr-polling/%FF%FE%FD/1", "GET")]
    [InlineData("/socket.io/xhr-polling/{long}/1", "GET")]
    [InlineData("/socket.io/%2e%2e/xhr-polling/{sid}/1", "GET")]
    [InlineData("/socket.io/xhr-polling%2F{sid}/1", "GET")]
    [InlineData("/socket.io/xhr-polling/{sid}/send/extra", "POST")]
    [InlineData("/socket.io/xhr-polling/{sid}%2Fsend", "POST")]
    [InlineData("/socket.io/xhr-polling/{SID}/send", "POST")]
    [InlineData("/socket.io/xhr-polling/{long}/send", "POST")]
    public async Task A_path_trick_around_a_sessions_id_reaches_no_session(string template, string method)
    {
        var received = 0;
        _server.Listener.ClientMessage += (_, _) => Interlocked.Increment(ref received);
        using var owner = _server.Polling();
        await owner.OpenAsync();
        var target = template
            .Replace("{sid}", owner.SessionId, StringComparison.Ordinal)
            .Replace("{SID}", SwapCase(owner.SessionId), StringComparison.Ordinal)
            .Replace("{long}", new string('A', 6000), StringComparison.Ordinal);
        using var attacker = await RawHttpConnection.ConnectAsync(_server.BaseUri);

        var status = await attacker.RequestAsync(method, target, method == "POST" ? "data=%5B%22forged%22%5D" : string.Empty);

        Assert.True(status is 400 or 404, $"{target} answered {status}");
        // Refused by us, refused by Kestrel as a bad request, or (a decoded "..") not ours at all.
        await Wait.UntilAsync(
            () => _server.Logs.Contains("Refused ") || _server.Logs.Contains("bad request data") || _server.Logs.Contains("reached the end of the middleware pipeline"),
            "the refusal is logged");
        Assert.Equal(0, Volatile.Read(ref received));
        Assert.Equal(2, _server.Listener.Clients.Count);
        await owner.AssertEchoesAsync("after the attack");
    }

    [Fact]
    public async Task A_thousand_guessed_session_ids_find_nothing_and_open_nothing()
    {
        using var guesser = _server.Polling();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            var guess = Base64Url(i);
            using var response = await guesser.PostFormAsync("data=%5B%22forged%22%5D", guess);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal([_bystander.SessionId], _server.Listener.ClientsIndex.Keys);
    }

    /// <summary>An upstream payload of <paramref name="count"/> one-letter messages: <c>["x","x",...]</c>.</summary>
    private static string TinyMessages(int count) => "[" + string.Join(',', Enumerable.Repeat("\"x\"", count)) + "]";

    private static string Base64Url(int i)
    {
        var bytes = new byte[18];
        BitConverter.TryWriteBytes(bytes, i);
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }

    private static string SwapCase(string id) =>
        string.Concat(id.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

    private async Task AssertBystanderEchoesAsync(string text)
    {
        await _bystander.SendAsync(text);
        Assert.Equal(text, (await _bystander.ReceiveAsync()).Text);
    }
}
