using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>The unmodified 2010 browser client chats with our server, plain strings exactly preserved.</summary>
public sealed class LegacyClientTests(Chromium chromium, LegacyClient legacy) : IClassFixture<Chromium>, IClassFixture<LegacyClient>
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("xhr-polling")]
    public async Task The_2010_client_echoes_the_string_gallery_exactly(string transport)
    {
        await using var server = await TestPages.StartAsync(legacyScript: legacy.Script);
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/legacy/page").ToString());

        await page.EvaluateFunctionAsync(
            """
            (transport, port, texts) => {
              window.socket = new io.Socket('127.0.0.1', { port: port, transports: [transport], rememberTransport: false });
              socket.addEvent('connect', () => window.events.push('connect'));
              socket.addEvent('message', m => window.received.push(m));
              socket.send('queued before connecting');
              socket.connect();
              texts.forEach(t => socket.send(t));
            }
            """,
            transport, server.BaseUri.Port, StringGallery.Texts);
        var received = await TestPages.ReceivedAsync(page, StringGallery.Texts.Count + 1);

        Assert.Equal(["queued before connecting", .. StringGallery.Texts], received);
        Assert.Equal(transport, await page.EvaluateExpressionAsync<string>("socket.transport.type"));
    }

    /// <summary>
    /// The 2010 client sends nothing while idle and never answers a heartbeat; its browser answers
    /// the server's WebSocket pings by itself, so it stays, while a peer that answers none (behind a
    /// proxy that went quiet) is dropped and its session times out.
    /// </summary>
    [Fact]
    public async Task The_2010_client_answers_the_servers_pings_by_itself_and_outlives_a_peer_that_does_not()
    {
        await using var server = await TestPages.StartAsync(
            o =>
            {
                o.Timeout = TimeSpan.FromSeconds(1);
                o.TransportOptions[TransportNames.WebSocket] = new TransportOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
            },
            legacyScript: legacy.Script);
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/legacy/page").ToString());
        await page.EvaluateFunctionAsync(
            """
            port => {
              window.socket = new io.Socket('127.0.0.1', { port: port, transports: ['websocket'], rememberTransport: false });
              socket.addEvent('message', m => window.received.push(m));
              socket.connect();
            }
            """,
            server.BaseUri.Port);
        await Wait.UntilAsync(() => server.Listener.ClientsIndex.Count == 1, "the page is connected");
        var pageSession = server.Listener.ClientsIndex.Keys.Single();

        await using var proxy = WebSocketBlockingProxy.Start(server.BaseUri, WebSocketBlockingMode.AcceptThenStall);
        using var stalled = new System.Net.WebSockets.ClientWebSocket();
        await stalled.ConnectAsync(new Uri($"ws://{proxy.EndPoint}/socket.io/websocket"), CancellationToken.None).Within();
        await Wait.UntilAsync(() => server.Listener.ClientsIndex.Count == 2, "the stalled peer's session is connected");
        var stalledSession = server.Listener.ClientsIndex.Keys.Single(id => id != pageSession);

        // Its connection stays open, quiet: only its silence can end it, and then its session times out.
        Assert.Equal(DisconnectReason.Timeout, (await server.Events.DisconnectedAsync(stalledSession)).DisconnectReason);
        Assert.True(server.Listener.ClientsIndex.ContainsKey(pageSession), "the page's session is still connected");
        await page.EvaluateExpressionAsync("socket.send('still here')");
        Assert.Equal(["still here"], await TestPages.ReceivedAsync(page, 1));
    }
}
