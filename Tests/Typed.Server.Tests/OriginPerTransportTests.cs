using System.Net;

namespace Typed.Server.Tests;

/// <summary>
/// The restrictive default of <c>origins</c> on each of the six transports: another site can
/// neither open a session, nor attach to one it learned the id of, nor post into it, and the
/// session's owner notices nothing.
/// </summary>
public sealed class OriginPerTransportTests
{
    private const string Foreign = "http://evil.example";

    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task By_default_another_site_can_neither_open_attach_nor_post_and_the_owner_keeps_its_session(string transport)
    {
        var received = new List<string>();
        await using var server = await SocketServerHost.StartAsync(
            o => o.Origins = [],
            listener => listener.ClientMessage += (_, message) =>
            {
                lock (received)
                {
                    received.Add(message.Text);
                }
            });
        await using var owner = server.Wire(transport, server.OwnOrigin);
        await owner.OpenAsync();
        var client = await server.Events.ConnectedAsync(owner.SessionId);
        using var foreign = server.Polling(Foreign);

        var opened = await DownstreamStatusAsync(server, foreign, transport, sessionId: null);
        var attached = await DownstreamStatusAsync(server, foreign, transport, owner.SessionId);
        using var posted = await foreign.PostAsync($"/socket.io/{transport}/{owner.SessionId}/send", FormPost.Payload("forged"));

        Assert.Equal(HttpStatusCode.Forbidden, opened);
        Assert.Equal(HttpStatusCode.Forbidden, attached);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.False(posted.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.True(server.Logs.Contains("origin not allowed"));

        client.Send("still yours");
        await owner.SendAsync("from the owner");
        Assert.Equal("still yours", (await owner.ReceiveAsync()).Text);
        await Wait.UntilAsync(() => Count(received) == 1, "the owner's message arrives");
        lock (received)
        {
            Assert.Equal(["from the owner"], received);
        }

        Assert.Single(server.Listener.Clients);
        Assert.Equal(0, server.Events.DisconnectCount(owner.SessionId));
    }

    [Theory]
    [InlineData("cross-site", "http://evil.example/page", HttpStatusCode.Forbidden)]
    [InlineData("same-site", "http://127.0.0.1:1/page", HttpStatusCode.Forbidden)]
    [InlineData("cross-site", null, HttpStatusCode.Forbidden)]
    [InlineData("same-origin", null, HttpStatusCode.OK)]
    [InlineData(null, null, HttpStatusCode.OK)]
    public async Task A_frame_navigated_to_the_htmlfile_stream_by_another_site_is_judged_by_its_referer(string? fetchSite, string? referer, HttpStatusCode expected)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = []);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/socket.io/htmlfile");
        if (fetchSite is not null)
        {
            // What a browser of today sends for a frame's navigation: no Origin, but where it came from.
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
            request.Headers.Add("Sec-Fetch-Dest", "iframe");
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Within();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, server.Listener.Clients.Count);
    }

    [Fact]
    public async Task A_frame_from_an_allowed_site_gets_the_htmlfile_stream()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["allowed.example:8080"]);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/socket.io/htmlfile");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Referrer = new Uri("http://allowed.example:8080/chat");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "a navigation is not a CORS request");
    }

    private static async Task<HttpStatusCode> DownstreamStatusAsync(SocketServerHost server, PollingWire foreign, string transport, string? sessionId)
    {
        if (transport is TransportNames.WebSocket or TransportNames.FlashSocket)
        {
            return await WebSocketWire.TryConnectAsync(server.BaseUri, sessionId, Foreign, transport);
        }

        var path = transport == TransportNames.XhrPolling
            ? $"/socket.io/{transport}/{sessionId}/1"
            : $"/socket.io/{transport}/{sessionId}";
        using var response = await foreign.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).Within();
        return response.StatusCode;
    }

    private static int Count(List<string> messages)
    {
        lock (messages)
        {
            return messages.Count;
        }
    }
}
