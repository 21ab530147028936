using System.Net;
using System.Text;

namespace Typed.Server.Tests;

public sealed class OriginTests
{
    private const string Allowed = "http://allowed.example:8080";
    private const string Hostile = "http://hostile.example:8080";

    [Fact]
    public async Task An_allowed_origin_is_echoed_with_credentials_on_every_polling_answer()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o =>
        {
            o.Origins = ["allowed.example:8080"];
            o.TransportOptions[TransportNames.XhrPolling] = new TransportOptions { Duration = TimeSpan.FromMilliseconds(100) };
        });
        using var polling = server.Polling(Allowed);
        await polling.OpenAsync();

        using var idle = await polling.PollRawAsync();
        using var post = await polling.PostAsync("hi");

        foreach (var response in new[] { idle, post })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
        }
    }

    [Fact]
    public async Task A_refused_origin_gets_a_403_without_cors_headers_and_reaches_no_session()
    {
        var received = 0;
        await using var server = await SocketServerHost.StartAsync(
            o => o.Origins = ["allowed.example:8080"],
            listener => listener.ClientMessage += (_, _) => Interlocked.Increment(ref received));
        using var friend = server.Polling(Allowed);
        await friend.OpenAsync();
        using var hostile = server.Polling(Hostile);

        using var open = await hostile.GetAsync("/socket.io/xhr-polling//1");
        using var poll = await hostile.GetAsync($"/socket.io/xhr-polling/{friend.SessionId}/1");
        using var post = await hostile.PostFormAsync("data=%5B%22forged%22%5D", friend.SessionId);

        foreach (var response in new[] { open, poll, post })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        Assert.Equal(0, received);
        Assert.True(server.Logs.Contains("origin not allowed"));
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["allowed.example:*"]);
        using var polling = server.Polling(Allowed);

        using var response = await polling.SendRequestAsync(HttpMethod.Options, "/socket.io/xhr-polling/anything/send", request =>
        {
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("content-type", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")));
    }

    [Fact]
    public async Task A_preflight_from_a_refused_origin_is_refused()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["allowed.example:*"]);
        using var polling = server.Polling(Hostile);

        using var response = await polling.SendRequestAsync(HttpMethod.Options, "/socket.io/xhr-polling/anything/send", request =>
            request.Headers.Add("Access-Control-Request-Method", "POST"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_websocket_upgrade_from_a_refused_origin_is_refused()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["allowed.example:8080"]);

        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketWire.TryConnectAsync(server.BaseUri, origin: Hostile));
        Assert.Empty(server.Listener.Clients);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketWire.TryConnectAsync(server.BaseUri, origin: Allowed));
    }

    [Fact]
    public async Task By_default_only_the_servers_own_origin_is_allowed()
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = []);

        using var own = server.Polling(server.OwnOrigin);
        using var none = server.Polling();
        using var foreign = server.Polling("http://127.0.0.1:1");
        using var ownAnswer = await own.GetAsync("/socket.io/xhr-polling//1");
        using var noneAnswer = await none.GetAsync("/socket.io/xhr-polling//1");
        using var foreignAnswer = await foreign.GetAsync("/socket.io/xhr-polling//1");

        Assert.Equal(HttpStatusCode.OK, ownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noneAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketWire.TryConnectAsync(server.BaseUri, origin: "http://evil.example"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketWire.TryConnectAsync(server.BaseUri, origin: server.OwnOrigin));
    }

    [Theory]
    [InlineData("*:*", Hostile, true)]
    [InlineData("*:8080", Hostile, true)]
    [InlineData("*:8080", "http://hostile.example:8081", false)]
    [InlineData("hostile.example:*", "http://hostile.example:9", true)]
    [InlineData("hostile.example:80", "http://hostile.example", true)]
    [InlineData("hostile.example:443", "https://hostile.example", true)]
    [InlineData("hostile.example:80", "https://hostile.example", false)]
    [InlineData("allowed.example:8080", "null", false)]
    [InlineData("*:*", "null", true)]
    public async Task Origins_match_host_and_port_with_wildcards(string allowed, string origin, bool expected)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = [allowed]);
        using var polling = server.Polling(origin);

        using var response = await polling.GetAsync("/socket.io/xhr-polling//1");

        Assert.Equal(expected ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void The_default_origins_allow_no_other_site() => Assert.Empty(new SocketServerOptions().Origins);
}
