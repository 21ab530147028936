using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>
/// Cross-site hijacking in a real browser: a page of another site that has learned a session's
/// id, under the restrictive default of <c>origins</c>.
/// </summary>
public sealed class BrowserHijackingTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_page_of_another_site_can_neither_hijack_a_sessions_websocket_nor_frame_its_htmlfile_stream()
    {
        await using var server = await TestPages.StartAsync(o => o.Origins = []);
        await using var elsewhere = await TestPages.StartAsync();
        var owner = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(owner, new { transports = new[] { "websocket" }, rememberTransport = false });
        await TestPages.WaitForConnectAsync(owner);
        var sessionId = await owner.EvaluateExpressionAsync<string>("socket.sessionId");
        var client = await server.Events.ConnectedAsync(sessionId);
        var attacker = await chromium.OpenAsync(new Uri(elsewhere.BaseUri, "/page").ToString());

        var hijacked = await attacker.EvaluateFunctionAsync<string>(
            """
            url => new Promise(resolve => {
              const ws = new WebSocket(url);
              ws.onopen = () => resolve('opened');
              ws.onerror = () => resolve('refused');
            })
            """,
            $"ws://127.0.0.1:{server.BaseUri.Port}/socket.io/websocket/{sessionId}");
        await attacker.EvaluateFunctionAsync(
            """
            url => {
              const frame = document.createElement('iframe');
              frame.src = url;
              document.body.appendChild(frame);
            }
            """,
            $"http://127.0.0.1:{server.BaseUri.Port}/socket.io/htmlfile/{sessionId}");

        Assert.Equal("refused", hijacked);
        await Wait.UntilAsync(() => Refused(server, $"/socket.io/websocket/{sessionId}"), "the upgrade is refused for its origin");
        await Wait.UntilAsync(() => Refused(server, $"/socket.io/htmlfile/{sessionId}"), "the frame is refused for the site it came from");
        client.Send("still yours");
        await owner.EvaluateExpressionAsync("socket.send('from the owner')");
        Assert.Equal(["still yours", "from the owner"], await TestPages.ReceivedAsync(owner, 2));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
        Assert.Single(server.Listener.Clients);
    }

    private static bool Refused(SocketServerHost server, string path) =>
        server.Logs.Entries.Any(e => e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains("origin not allowed", StringComparison.Ordinal));
}
