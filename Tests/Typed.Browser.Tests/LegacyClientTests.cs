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
}
