using System.Diagnostics;
using System.Net;
using Typed.Framing;

namespace Typed.Server.Tests;

/// <summary>
/// How long a session waits for a client whose requests may hang on the way: the handshake tells
/// a client of this project the server's rhythm, a polling session outlasts a hung poll, a
/// reattaching poll can ask to be answered at once, and any upload counts as life.
/// </summary>
public sealed class SessionLifeTests
{
    [Theory]
    [InlineData(TransportNames.XhrPolling, 20_000, 36_000)]
    [InlineData(TransportNames.ServerEvents, 10_000, 8_000)]
    [InlineData(TransportNames.HtmlFile, 10_000, 26_000)]
    [InlineData(TransportNames.XhrMultipart, 10_000, 8_000)]
    [InlineData(TransportNames.WebSocket, 10_000, 8_000)]
    public async Task A_handshake_of_acknowledged_delivery_tells_the_servers_rhythm_by_default(string transport, int heartbeat, int timeout)
    {
        await using var server = await SocketServerHost.StartEchoAsync();

        var timing = await OpenAcknowledgedAsync(server, transport);

        Assert.Equal(new SessionTiming(TimeSpan.FromMilliseconds(heartbeat), TimeSpan.FromMilliseconds(timeout)), timing);
    }

    [Fact]
    public async Task The_rhythm_told_follows_the_applications_options()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(3);
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromSeconds(7) };
            o.TransportOptions[TransportNames.ServerEvents] = new TransportOptions { HeartbeatInterval = TimeSpan.FromSeconds(2), CloseTimeout = TimeSpan.FromSeconds(11) };
        });

        Assert.Equal(new SessionTiming(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(13)), await OpenAcknowledgedAsync(server, TransportNames.XhrPolling));
        Assert.Equal(new SessionTiming(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(11)), await OpenAcknowledgedAsync(server, TransportNames.ServerEvents));
    }

    [Fact]
    public async Task A_polling_session_waits_a_polls_duration_and_twice_the_timeout_for_its_next_poll()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(400);
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromSeconds(1) };
        });
        using var polling = server.Polling();
        await polling.OpenAsync();
        var lastPoll = Stopwatch.StartNew();

        await server.Events.DisconnectedAsync(polling.SessionId);

        // A hung poll looks like a held one until its duration has passed: the session must last
        // that long and more (1.8 s by the options; timers may fire a hair early).
        Assert.True(lastPoll.Elapsed >= TimeSpan.FromMilliseconds(1_600), $"the session ended {lastPoll.ElapsedMilliseconds} ms after its last poll");
    }

    [Fact]
    public async Task An_htmlfile_session_waits_a_heartbeat_and_twice_the_timeout_for_its_next_stream()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(400);
            o.TransportOptions[TransportNames.HtmlFile] = new TransportOptions { HeartbeatInterval = TimeSpan.FromSeconds(1) };
        });
        await using var stream = server.Wire(TransportNames.HtmlFile);
        await stream.OpenAsync();
        await stream.DropAsync();
        var dropped = Stopwatch.StartNew();

        await server.Events.DisconnectedAsync(stream.SessionId);

        // A browser cannot see its forever-iframe cut, only the heartbeats stop (1.8 s by the options).
        Assert.True(dropped.Elapsed >= TimeSpan.FromMilliseconds(1_600), $"the session ended {dropped.ElapsedMilliseconds} ms after its stream");
    }

    [Theory]
    [InlineData(true, "data: {\"heartbeat\":\"1\"}\n\n")]
    [InlineData(false, ": heartbeat\n\n")]
    public async Task An_event_stream_of_acknowledged_delivery_beats_with_an_event_a_page_can_see(bool acknowledged, string heartbeat)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.ServerEvents] = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var response = await http.GetAsync($"/socket.io/server-events{(acknowledged ? "?acks=1" : string.Empty)}", HttpCompletionOption.ResponseHeadersRead).Within();
        var body = await response.Content.ReadAsStreamAsync();
        var seen = new System.Text.StringBuilder();
        var buffer = new byte[1024];

        while (!seen.ToString().Contains(heartbeat, StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer).AsTask().Within();
            Assert.True(read > 0, "the stream stays open");
            seen.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.DoesNotContain(acknowledged ? ": heartbeat" : "\"heartbeat\"", seen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_that_asks_to_be_answered_at_once_is_answered_empty_when_nothing_is_queued()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMinutes(5) });
        using var polling = server.Polling();
        await polling.OpenAsync();
        var client = await server.Events.ConnectedAsync(polling.SessionId);

        using (var empty = await polling.GetAsync($"/socket.io/xhr-polling/{polling.SessionId}/2?wait=0").Within())
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Equal(string.Empty, await empty.Content.ReadAsStringAsync());
        }

        // A held poll is still held: it is answered by what is sent, not by its duration.
        var held = polling.GetAsync($"/socket.io/xhr-polling/{polling.SessionId}/3");
        await Wait.UntilAsync(() => client.Connected, "the held poll is attached");
        Assert.False(held.IsCompleted);
        client.Send("now");
        using var answered = await held.Within();
        Assert.Equal(["now"], ServerFrame.Parse(await answered.Content.ReadAsByteArrayAsync()).Select(m => m.Text));
    }

    [Fact]
    public async Task Uploads_keep_a_session_alive_while_it_has_no_downstream_and_it_ends_a_timeout_after_the_last()
    {
        var timeout = TimeSpan.FromSeconds(2);
        var received = new List<string>();
        await using var server = await SocketServerHost.StartAsync(
            o => o.Timeout = timeout,
            listener => listener.ClientMessage += (_, message) =>
            {
                lock (received)
                {
                    received.Add(message.Text);
                }
            });
        await using var stream = server.Wire(TransportNames.ServerEvents);
        await stream.OpenAsync();
        await server.Events.ConnectedAsync(stream.SessionId);
        await stream.DropAsync();

        // Three timeouts' worth of uploads, a tenth of a timeout apart, with no downstream at all.
        var uploads = Stopwatch.StartNew();
        var lastUpload = new Stopwatch();
        var sent = 0;
        while (uploads.Elapsed < 3 * timeout)
        {
            await stream.SendAsync(Message.FromText($"upload {sent++}"));
            lastUpload.Restart(); // from the answer, not after the pause: under load a pause can overrun
            await Task.Delay(timeout / 10);
        }

        Assert.Equal(0, server.Events.DisconnectCount(stream.SessionId));
        await server.Events.DisconnectedAsync(stream.SessionId);
        Assert.True(lastUpload.Elapsed >= timeout - TimeSpan.FromMilliseconds(300), $"the session ended {lastUpload.ElapsedMilliseconds} ms after the last upload");
        lock (received)
        {
            Assert.Equal(Enumerable.Range(0, sent).Select(i => $"upload {i}"), received);
        }
    }

    /// <summary>Opens a session of acknowledged delivery over <paramref name="transport"/> and reads the timing its handshake told.</summary>
    private static async Task<SessionTiming?> OpenAcknowledgedAsync(SocketServerHost server, string transport)
    {
        IReadOnlyList<Message> frame;
        if (transport == TransportNames.WebSocket)
        {
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{server.BaseUri.Authority}/socket.io/websocket?acks=1"), CancellationToken.None).Within();
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer, CancellationToken.None).Within();
            frame = ServerFrame.Parse(buffer.AsMemory(0, read.Count));
        }
        else
        {
            using var http = new HttpClient { BaseAddress = server.BaseUri };
            var path = transport == TransportNames.XhrPolling ? "/socket.io/xhr-polling//1?acks=1" : $"/socket.io/{transport}?acks=1";
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).Within();
            frame = transport == TransportNames.XhrPolling
                ? ServerFrame.Parse(await response.Content.ReadAsByteArrayAsync())
                : await FirstStreamedFrameAsync(transport, await response.Content.ReadAsStreamAsync());
        }

        Assert.True(Handshake.TryRead(frame[0], out _, out var acknowledged, out var timing));
        Assert.True(acknowledged);
        return timing;
    }

    private static async Task<IReadOnlyList<Message>> FirstStreamedFrameAsync(string transport, Stream body)
    {
        var parser = Infrastructure.StreamParser.For(transport);
        var buffer = new byte[4096];
        while (true)
        {
            var read = await body.ReadAsync(buffer).AsTask().Within();
            Assert.True(read > 0, "the stream brought a frame");
            if (parser.Feed(buffer.AsSpan(0, read)).FirstOrDefault(item => item is not null) is { } frame)
            {
                return ServerFrame.Parse(frame);
            }
        }
    }
}
