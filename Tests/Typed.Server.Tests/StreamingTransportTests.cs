using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Typed.Server.Tests;

/// <summary>The kept-open HTTP transports, looked at on the raw bytes of their responses.</summary>
public sealed class StreamingTransportTests
{
    private const string Hostile = "</script><script>alert(1)</script><!--<script>\u2028\u2029";

    [Fact]
    public async Task Htmlfile_frames_cannot_break_out_of_their_script_tag()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.HtmlFile);
        await wire.OpenAsync();

        await wire.SendAsync(Hostile, Message.FromJson("{\"html\":\"</SCRIPT>\"}"));
        var echoed = await wire.ReceiveAsync();
        var raw = wire.Parser.Raw.ToString();

        Assert.Equal(Hostile, echoed.Text);
        // Every script tag in the page is one of ours, and each is closed once.
        Assert.Equal(CountOf(raw, "<script>parent.s._("), CountOf(raw, "<script"));
        Assert.Equal(CountOf(raw, "<script>parent.s._("), CountOf(raw, "</script>"));
        Assert.DoesNotContain("</script><script>alert", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("</SCRIPT>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--<", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u003c!--\\u003cscript>\\u2028\\u2029", raw, StringComparison.Ordinal);
        Assert.Equal("</SCRIPT>", (await wire.ReceiveAsync()).ToJsonDocument().RootElement.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Htmlfile_is_a_padded_html_page_of_script_tags()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.HtmlFile);

        await wire.OpenAsync();

        Assert.Equal("text/html; charset=UTF-8", wire.Response!.Content.Headers.ContentType!.ToString());
        Assert.Matches("^<html><body> {243}<script>parent\\.s\\._\\(\\{\"messages\":\\[\"\\{\\\\\"sessionid\\\\\":\\\\\"[A-Za-z0-9_-]+\\\\\"\\}\"\\]\\}, document\\);</script>$", wire.Parser.Raw.ToString());
    }

    [Fact]
    public async Task A_multipart_part_cannot_be_ended_early_by_a_message()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.XhrMultipart);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        const string text = "--socketio\n--socketio\r\nContent-Type: text/plain\n\n";

        client.Send(text);
        client.Send(Message.FromJson("{\"a\":\n\"--socketio\",\r\n\"b\":1}"));
        var first = await wire.ReceiveAsync();
        var second = await wire.ReceiveAsync();
        var raw = wire.Parser.Raw.ToString();

        Assert.Equal(text, first.Text);
        Assert.Equal("--socketio", second.ToJsonDocument().RootElement.GetProperty("a").GetString());
        // Every boundary in the body starts a real part: none came out of a message.
        Assert.StartsWith("--socketio\n", raw, StringComparison.Ordinal);
        var parts = raw["--socketio\n".Length..].Split("\n--socketio\n");
        Assert.All(parts[..^1], part => Assert.Matches("^Content-Type: text/plain\n\n\\{\"messages\":\\[[^\n\r]*\\]\\}$", part));
        Assert.Equal(string.Empty, parts[^1]);
    }

    [Fact]
    public async Task Multipart_is_a_mixed_replace_stream_of_text_parts()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.XhrMultipart] = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.XhrMultipart);
        await wire.OpenAsync();

        await wire.ExpectHeartbeatAsync();

        Assert.Equal("multipart/x-mixed-replace; boundary=\"socketio\"", wire.Response!.Content.Headers.ContentType!.ToString());
        Assert.Contains("\n--socketio\nContent-Type: text/plain; charset=us-ascii\n\n\u0006\n--socketio\n", wire.Parser.Raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_events_is_an_event_stream_with_comment_heartbeats()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
            o.TransportOptions[TransportNames.ServerEvents] = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) });
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.ServerEvents);
        await wire.OpenAsync();

        await wire.ExpectHeartbeatAsync();

        Assert.Equal("text/event-stream; charset=UTF-8", wire.Response!.Content.Headers.ContentType!.ToString());
        Assert.Matches("^data: \\{\"messages\":\\[[^\n]*\\]\\}\n\n: heartbeat\n\n", wire.Parser.Raw.ToString());
    }

    [Fact]
    public async Task Server_events_speaks_the_opera_flavour_to_clients_that_ask_for_it()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.ServerEvents, legacyEvents: true);
        await wire.OpenAsync();

        await wire.SendAsync("opera");

        Assert.Equal("opera", (await wire.ReceiveAsync()).Text);
        Assert.Equal("application/x-dom-event-stream; charset=UTF-8", wire.Response!.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("Event: socket.io\ndata: {\"messages\":", wire.Parser.Raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_raw_line_breaks_stays_one_event()
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var wire = new StreamingWire(server.BaseUri, TransportNames.ServerEvents);
        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);

        client.Send(Message.FromJson("{\"a\":\n1,\r\n\"b\":\r2}"));
        var received = await wire.ReceiveAsync();

        Assert.Equal(1, received.ToJsonDocument().RootElement.GetProperty("a").GetInt32());
        Assert.Equal(2, received.ToJsonDocument().RootElement.GetProperty("b").GetInt32());
    }

    [Theory]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart)]
    public async Task Frames_are_not_held_back_by_response_compression(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(
            services: builder => builder.Services.AddResponseCompression(o =>
            {
                o.EnableForHttps = true;
                o.MimeTypes = ["text/html", "text/event-stream", "multipart/x-mixed-replace", "text/plain"];
                o.Providers.Add<GzipCompressionProvider>();
            }),
            pipeline: app => app.UseResponseCompression());
        await using var wire = new StreamingWire(server.BaseUri, transport);
        wire.AcceptEncoding = "gzip";

        await wire.OpenAsync();
        var client = await server.Events.ConnectedAsync(wire.SessionId);
        client.Send("not buffered");

        Assert.Equal("not buffered", (await wire.ReceiveAsync()).Text);
        Assert.DoesNotContain("gzip", wire.Response!.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart)]
    public async Task A_newer_stream_for_the_session_ends_the_older_one(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync();
        await using var first = new StreamingWire(server.BaseUri, transport);
        await first.OpenAsync();
        var client = await server.Events.ConnectedAsync(first.SessionId);
        await using var second = new StreamingWire(server.BaseUri, transport) { };
        second.Adopt(first.SessionId);

        await second.ReattachAsync();
        await first.ExpectEndAsync();
        client.Send("to the newer stream");

        Assert.Equal("to the newer stream", (await second.ReceiveAsync()).Text);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
