using System.Diagnostics;
using Typed.Server;

namespace Typed.Browser.Tests;

/// <summary>How a page connects: fallback, reconnection, origins.</summary>
public sealed class BrowserConnectionTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task With_websocket_disabled_on_the_server_the_page_connects_over_the_next_transport()
    {
        await using var server = await TestPages.StartAsync(o => o.Transports = ["server-events", "xhr-polling"]);
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await TestPages.ConnectAsync(page, new { transports = BrowserTransports.Names, rememberTransport = false });
        await TestPages.WaitForConnectAsync(page);

        Assert.Equal("server-events", await page.EvaluateExpressionAsync<string>("socket.transport.name"));
        await page.EvaluateExpressionAsync("socket.send('after falling back')");
        Assert.Equal(["after falling back"], await TestPages.ReceivedAsync(page, 1));
    }

    [Theory]
    [InlineData(WebSocketBlockingMode.RefuseUpgrade)]
    [InlineData(WebSocketBlockingMode.AcceptThenClose)]
    [InlineData(WebSocketBlockingMode.AcceptThenStall)]
    public async Task A_websocket_broken_by_a_proxy_gives_way_to_the_next_transport_in_bounded_time(WebSocketBlockingMode mode)
    {
        await using var server = await TestPages.StartAsync();
        await using var proxy = WebSocketBlockingProxy.Start(server.BaseUri, mode);
        var page = await chromium.OpenAsync(new Uri(proxy.BaseUri, "/page").ToString());
        var elapsed = Stopwatch.StartNew();

        await TestPages.ConnectAsync(page, new { transports = new[] { "websocket", "xhr-polling" }, rememberTransport = false, connectTimeout = 2000 });
        await TestPages.WaitForConnectAsync(page);

        Assert.Equal("xhr-polling", await page.EvaluateExpressionAsync<string>("socket.transport.name"));
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"fell back after {elapsed.Elapsed}");
        Assert.True(proxy.UpgradesSeen >= 1);
    }

    [Theory]
    [MemberData(nameof(BrowserTransports.All), MemberType = typeof(BrowserTransports))]
    public async Task A_dropped_page_reconnects_to_its_session_and_gets_what_was_sent_meanwhile_once_in_order(string transport)
    {
        await using var flaky = await FlakyPage.ConnectAsync(chromium, transport, TimeSpan.FromMilliseconds(300));
        var (server, proxy, page, sessionId) = (flaky.Server, flaky.Proxy, flaky.Page, flaky.SessionId);
        var client = await server.Events.ConnectedAsync(sessionId);

        proxy.Refusing = true;
        proxy.CutAll();
        await Wait.UntilAsync(() => !client.Connected, "the server sees the page gone");
        for (var i = 1; i <= 5; i++)
        {
            client.Send($"meanwhile {i}");
        }

        var fromPage = new List<string>();
        server.Listener.ClientMessage += (_, message) =>
        {
            lock (fromPage)
            {
                fromPage.Add(message.Text);
            }
        };
        await page.EvaluateExpressionAsync("socket.send('sent while disconnected 1'); socket.send('sent while disconnected 2')");
        proxy.Refusing = false;
        await TestPages.ReceivedAsync(page, 5);
        client.Send("after");

        // What the server queued comes first, in order; the echoes of what the page sent while
        // disconnected, and the later message, follow, each once.
        var all = await TestPages.ReceivedAsync(page, 8);
        Assert.Equal(["meanwhile 1", "meanwhile 2", "meanwhile 3", "meanwhile 4", "meanwhile 5"], all[..5]);
        Assert.Equal(["after", "sent while disconnected 1", "sent while disconnected 2"], all[5..].Order());
        Assert.True(Array.IndexOf(all, "sent while disconnected 1") < Array.IndexOf(all, "sent while disconnected 2"));
        await Wait.UntilAsync(() => { lock (fromPage) { return fromPage.Count >= 2; } }, "the server has what the page sent while disconnected");
        lock (fromPage)
        {
            Assert.Equal(["sent while disconnected 1", "sent while disconnected 2"], fromPage);
        }
        Assert.Equal(sessionId, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(0, server.Events.DisconnectCount(sessionId));
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("xhr-polling")]
    [InlineData("server-events")]
    [InlineData("xhr-multipart")]
    public async Task A_page_from_another_origin_connects_when_allowed_and_is_refused_when_not(string transport)
    {
        await using var pages = await TestPages.StartAsync();
        await using var allowing = await TestPages.StartAsync(o => o.Origins = [$"127.0.0.1:{pages.BaseUri.Port}"]);
        await using var refusing = await TestPages.StartAsync(o => o.Origins = ["elsewhere.example:80"]);
        var allowed = await chromium.OpenAsync(new Uri(pages.BaseUri, "/page").ToString());
        var refused = await chromium.OpenAsync(new Uri(pages.BaseUri, "/page").ToString());

        await TestPages.ConnectAsync(allowed, new { transports = new[] { transport }, rememberTransport = false }, "127.0.0.1", allowing.BaseUri.Port);
        await TestPages.ConnectAsync(refused, new { transports = new[] { transport }, rememberTransport = false, reconnect = false, connectTimeout = 2000 }, "127.0.0.1", refusing.BaseUri.Port);

        await TestPages.WaitForConnectAsync(allowed);
        await allowed.EvaluateExpressionAsync("socket.send('cross-origin')");
        Assert.Equal(["cross-origin"], await TestPages.ReceivedAsync(allowed, 1));
        await refused.WaitForFunctionAsync("() => window.events.includes('disconnect')");
        Assert.False(await refused.EvaluateExpressionAsync<bool>("socket.connected"));
        Assert.Empty(refusing.Listener.Clients);
    }

    [Fact]
    public async Task The_transport_that_worked_is_remembered_in_the_cookie_and_tried_first_next_time()
    {
        await using var server = await TestPages.StartAsync(o => o.Transports = ["xhr-polling"]);
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());

        await TestPages.ConnectAsync(page, new { transports = BrowserTransports.Names, rememberTransport = true });
        await TestPages.WaitForConnectAsync(page);
        var cookie = await page.EvaluateExpressionAsync<string>("document.cookie");
        await page.EvaluateExpressionAsync("socket.disconnect(); window.second = new io.Socket(null, { transports: ['websocket', 'xhr-polling'] }); second._transportsToTry()[0]");
        var first = await page.EvaluateExpressionAsync<string>("second._transportsToTry()[0]");

        Assert.Contains("socket.io=xhr-polling", cookie, StringComparison.Ordinal);
        Assert.Equal("xhr-polling", first);
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("xhr-polling")]
    [InlineData("server-events")]
    public async Task When_the_server_forgets_the_session_the_page_opens_a_new_one(string transport)
    {
        await using var server = await TestPages.StartAsync();
        var page = await chromium.OpenAsync(new Uri(server.BaseUri, "/page").ToString());
        await TestPages.ConnectAsync(page, new { transports = new[] { transport }, rememberTransport = false, reconnectDelay = 20 });
        await TestPages.WaitForConnectAsync(page);
        var first = await page.EvaluateExpressionAsync<string>("socket.sessionId");

        (await server.Events.ConnectedAsync(first)).Disconnect();
        await page.WaitForFunctionAsync("() => window.events.filter(e => e === 'connect').length === 2 && socket.connected");
        await page.EvaluateExpressionAsync("socket.send('in the new session')");

        Assert.NotEqual(first, await page.EvaluateExpressionAsync<string>("socket.sessionId"));
        Assert.Equal(["in the new session"], await TestPages.ReceivedAsync(page, 1));
    }
}
