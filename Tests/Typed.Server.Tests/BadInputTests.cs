using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Typed.Server.Tests;

/// <summary>
/// Hostile or broken requests get a clear 4xx or a clean close and a log line; the session they
/// name and every other session carry on, and nothing is logged as an unhandled exception.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private SocketServerHost _server = null!;
    private WebSocketWire _bystander = null!;

    public async Task InitializeAsync()
    {
        _server = await SocketServerHost.StartEchoAsync(o => o.MaxMessageSize = 16 * 1024);
        _bystander = await _server.WebSocketAsync();
        await _bystander.HandshakeAsync();
    }

    public async Task DisposeAsync()
    {
        // Whatever the test threw at the server, a bystander session still works...
        await _bystander.SendAsync("still fine");
        Assert.Equal("still fine", (await _bystander.ReceiveAsync()).Text);
        await _bystander.DisposeAsync();
        await _server.DisposeAsync();

        // ...and nothing surfaced as an unhandled error.
        Assert.Empty(_server.Logs.Errors);
    }

    [Theory]
    [InlineData("/socket.io/carrier-pigeon")]
    [InlineData("/socket.io/carrier-pigeon//123")]
    [InlineData("/socket.io/")]
    [InlineData("/socket.io")]
    [InlineData("/socket.io//websocket")]
    public async Task An_unknown_transport_is_a_404(string path)
    {
        using var polling = _server.Polling();

        using var response = await polling.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(_server.Logs.Contains("no such transport"));
    }

    [Fact]
    public async Task A_transport_that_is_not_enabled_is_a_404()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Transports = [TransportNames.WebSocket]);
        using var polling = server.Polling();

        using var response = await polling.GetAsync("/socket.io/xhr-polling//1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_session_id_is_a_404_for_polls_posts_and_upgrades()
    {
        using var polling = _server.Polling();

        using var poll = await polling.GetAsync("/socket.io/xhr-polling/no-such-session/1");
        using var post = await polling.PostFormAsync("data=%5B%22x%22%5D", "no-such-session");
        var upgrade = await WebSocketWire.TryConnectAsync(_server.BaseUri, "no-such-session");

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upgrade);
        Assert.True(_server.Logs.Contains("unknown or expired session"));
    }

    [Theory]
    [InlineData("data=%5Bnot+json", "not well-formed JSON")]
    [InlineData("data=%7B%22a%22%3A1%7D", "Expected a JSON array")]
    [InlineData("data=%5B1%5D%5B2%5D", "not well-formed JSON")]
    [InlineData("data=%5B%22%C3%28%22%5D", "not valid UTF-8")]
    [InlineData("data=%5B%22%ZZ%22%5D", "not a hex digit")]
    [InlineData("data=%5B%22%2", "cut short")]
    [InlineData("other=%5B%5D", "no data field")]
    [InlineData("", "no data field")]
    public async Task A_malformed_post_is_a_400_and_the_session_carries_on(string body, string logged)
    {
        using var polling = _server.Polling();
        await polling.OpenAsync();

        using var response = await polling.PostFormAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(_server.Logs.Contains(logged), $"the log says '{logged}'");
        await polling.AssertEchoesAsync("after the bad one");
    }

    [Fact]
    public async Task A_deeply_nested_payload_is_a_400()
    {
        using var polling = _server.Polling();
        await polling.OpenAsync();
        var nested = new string('[', 1000) + new string(']', 1000);

        using var response = await polling.PostFormAsync("data=" + Uri.EscapeDataString(nested));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await polling.AssertEchoesAsync("after the bad one");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_and_the_session_carries_on()
    {
        using var polling = _server.Polling();
        await polling.OpenAsync();

        using var declared = await polling.PostAsync(new string('x', 64 * 1024));
        using var chunked = await polling.SendRequestAsync(HttpMethod.Post, $"/socket.io/xhr-polling/{polling.SessionId}/send", request =>
        {
            request.Content = new StringContent("data=" + new string('y', 200 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
            request.Headers.TransferEncodingChunked = true;
        });
        using var decoded = await polling.PostFormAsync("data=" + Uri.EscapeDataString("[\"" + new string('z', 17 * 1024) + "\"]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Null(chunked.RequestMessage!.Content!.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, decoded.StatusCode);
        await polling.AssertEchoesAsync("after the bad one");
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_a_415()
    {
        using var polling = _server.Polling();
        await polling.OpenAsync();

        using var response = await polling.PostAsync(
            $"/socket.io/xhr-polling/{polling.SessionId}/send",
            new StringContent("[\"x\"]", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await polling.AssertEchoesAsync("after the bad one");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task A_wrong_method_is_a_405(string method)
    {
        using var polling = _server.Polling();
        await polling.OpenAsync();

        using var response = await polling.SendRequestAsync(new HttpMethod(method), $"/socket.io/xhr-polling/{polling.SessionId}/send");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        await polling.AssertEchoesAsync("after the bad one");
    }

    [Theory]
    [InlineData("/socket.io/xhr-polling//send")]
    [InlineData("/socket.io/xhr-polling")]
    public async Task A_post_that_names_no_session_is_a_404(string path)
    {
        using var polling = _server.Polling();

        using var response = await polling.PostAsync(path, new StringContent("data=%5B%5D", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_plain_get_on_the_websocket_transport_is_a_400()
    {
        using var polling = _server.Polling();

        using var response = await polling.GetAsync("/socket.io/websocket");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([_bystander.SessionId], _server.Listener.ClientsIndex.Keys);
    }

    [Fact]
    public async Task A_malformed_websocket_payload_closes_the_socket_cleanly_and_the_session_survives()
    {
        var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendRawAsync(Encoding.UTF8.GetBytes("[\"unterminated"));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await socket.WaitForCloseAsync());
        await socket.DisposeAsync();
        await AssertReconnectsAsync(socket.SessionId);
    }

    [Fact]
    public async Task Invalid_utf8_over_a_websocket_ends_that_socket_and_the_session_survives()
    {
        var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendRawAsync([(byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']']);

        // ASP.NET Core's WebSocket layer refuses the frame itself: it sends 1007 and drops the
        // connection, so the client may read the close status or only see the connection end.
        var status = await socket.WaitForCloseAsync();
        Assert.True(status is null or WebSocketCloseStatus.InvalidPayloadData, $"closed with {status}");
        Assert.True(_server.Logs.Contains($"Session {socket.SessionId} sent a payload that was refused"), "the refusal is logged");
        await socket.DisposeAsync();
        await AssertReconnectsAsync(socket.SessionId);
    }

    [Fact]
    public async Task A_binary_websocket_message_closes_the_socket_cleanly()
    {
        await using var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendRawAsync([1, 2, 3], WebSocketMessageType.Binary);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, await socket.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_websocket_message_over_the_limit_closes_the_socket_cleanly_and_the_session_survives()
    {
        var socket = await _server.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendAsync(new string('x', 64 * 1024));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.WaitForCloseAsync());
        await socket.DisposeAsync();
        await AssertReconnectsAsync(socket.SessionId);
    }

    [Fact]
    public async Task A_short_websocket_message_over_a_small_limit_is_refused_as_a_long_one_is()
    {
        await using var small = await SocketServerHost.StartEchoAsync(o => o.MaxMessageSize = 100);
        var socket = await small.WebSocketAsync();
        await socket.HandshakeAsync();

        await socket.SendAsync(new string('x', 200));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.WaitForCloseAsync());
        Assert.True(small.Logs.Contains("over the size limit"));
        await socket.DisposeAsync();
    }

    private async Task AssertReconnectsAsync(string sessionId)
    {
        var client = await _server.Events.ConnectedAsync(sessionId);
        await Wait.UntilAsync(() => !client.Connected, "the server sees the socket gone");
        await using var again = await _server.WebSocketAsync(sessionId);
        await again.SendAsync("back");
        Assert.Equal("back", (await again.ReceiveAsync()).Text);
    }
}
