using System.Net;

namespace Typed.Server.Tests;

public sealed class TransportSelectionTests
{
    public static TheoryData<string> Transports() => [.. TransportNames.All];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_disabled_transport_is_refused_and_creates_no_session(string transport)
    {
        var opened = 0;
        await using var server = await SocketServerHost.StartAsync(
            o => o.Transports = [.. TransportNames.All.Where(t => t != transport)],
            listener => listener.ClientConnecting += _ => Interlocked.Increment(ref opened));
        using var polling = server.Polling();

        using var get = await polling.GetAsync($"/socket.io/{transport}//1");
        var upgrade = await WebSocketWire.TryConnectAsync(server.BaseUri, transport: transport);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upgrade);
        Assert.Equal(0, opened);
    }

    [Theory]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart)]
    [InlineData(TransportNames.XhrPolling)]
    public async Task Every_http_transport_answers_an_allowed_origin_with_cors(string transport)
    {
        const string origin = "http://pages.example:8080";
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["pages.example:8080"]);
        await using var wire = server.Wire(transport, origin);
        await wire.OpenAsync();
        using var polling = server.Polling(origin);

        using var stream = await polling.GetAsync($"/socket.io/{transport}//1", HttpCompletionOption.ResponseHeadersRead);
        using var post = await polling.PostAsync($"/socket.io/{transport}/{wire.SessionId}/send", FormPost.Payload("hi"));

        foreach (var response in new[] { stream, post })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
        }

        Assert.Equal("hi", (await wire.ReceiveAsync()).Text);
    }

    [Theory]
    [InlineData(TransportNames.ServerEvents)]
    [InlineData(TransportNames.HtmlFile)]
    [InlineData(TransportNames.XhrMultipart)]
    [InlineData(TransportNames.FlashSocket)]
    public async Task Every_transport_refuses_a_hostile_origin(string transport)
    {
        await using var server = await SocketServerHost.StartEchoAsync(o => o.Origins = ["pages.example:8080"]);
        using var polling = server.Polling("http://hostile.example");

        using var get = await polling.GetAsync($"/socket.io/{transport}//1");
        var upgrade = await WebSocketWire.TryConnectAsync(server.BaseUri, origin: "http://hostile.example", transport: transport);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upgrade);
        Assert.Empty(server.Listener.Clients);
    }
}
